using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace EvidenceVault.Application.Behaviors;

/// <summary>Logs every use case with its duration and failure, so operators see what ran.</summary>
public sealed class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly string UseCaseName = typeof(TMessage).Name;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            logger.LogInformation("{UseCase} finished in {ElapsedMs} ms", UseCaseName, elapsedMs);
            return response;
        }
        catch (Exception ex)
        {
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            logger.LogWarning(ex, "{UseCase} failed after {ElapsedMs} ms", UseCaseName, elapsedMs);
            throw;
        }
    }
}
