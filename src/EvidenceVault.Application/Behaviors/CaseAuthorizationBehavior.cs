using EvidenceVault.Application.Cases;
using Mediator;

namespace EvidenceVault.Application.Behaviors;

/// <summary>
/// Checks, after the role check and before the handler, that the acting user may change the case and that its file
/// is in the state the change needs (<see cref="CaseAccess"/>).
/// </summary>
public sealed class CaseAuthorizationBehavior<TMessage, TResponse>(CaseAccess access) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly string UseCaseName = typeof(TMessage).Name.Replace("Command", string.Empty, StringComparison.Ordinal);

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is ICaseChange change)
        {
            await access.RequireAsync(change, UseCaseName, cancellationToken);
        }

        return await next(message, cancellationToken);
    }
}
