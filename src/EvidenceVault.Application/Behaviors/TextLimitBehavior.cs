using Mediator;

namespace EvidenceVault.Application.Behaviors;

/// <summary>Refuses a command whose text fields are over their limits (<see cref="TextLimits"/>), before it runs.</summary>
public sealed class TextLimitBehavior<TMessage, TResponse>(TextLimits limits) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        TextFields.Check(message, limits);
        return next(message, cancellationToken);
    }
}
