using Azure;
using EvidenceVault.Application.Vault;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace EvidenceVault.Storage.Azure;

/// <summary>
/// Step-level resilience and error translation. The SDK already retries each HTTP request, so the
/// pipeline adds only what it lacks: a circuit breaker (fail fast while storage is down, so jobs stay
/// queued) and a timeout for the whole step. Nothing here retries; that would multiply attempts.
/// </summary>
public sealed partial class AzureBlobVault
{
    private ResiliencePipeline BuildPipeline() =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(AzureResilience.IsTransient),
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromMinutes(1),
                BreakDuration = options.BreakDuration,
                StateProvider = circuit,
                OnOpened = opened =>
                {
                    Interlocked.Exchange(ref blockedUntilTicks, (time.GetUtcNow() + opened.BreakDuration).UtcTicks);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    outage = null;
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.StepTimeout)
            .Build();

    /// <summary>Runs one step through the pipeline; only vault exceptions (and caller cancellation) come out.</summary>
    private async Task<T> RunStepAsync<T>(string step, Func<CancellationToken, ValueTask<T>> action, CancellationToken cancellationToken)
    {
        T result;
        try
        {
            result = await pipeline.ExecuteAsync(action, cancellationToken);
        }
        catch (Exception e) when (Translate(step, e, cancellationToken) is { } translated)
        {
            // A fail-fast rejection says nothing new; the error that opened the circuit stays the one reported.
            if (translated is VaultUnavailableException && e is not BrokenCircuitException)
            {
                NoteOutage(translated.Message);
            }

            throw translated;
        }

        outage = null;
        return result;
    }

    /// <summary>Null for exceptions that pass through unchanged: vault exceptions and the caller's own cancellation.</summary>
    private VaultException? Translate(string step, Exception error, CancellationToken cancellationToken)
    {
        if (error is VaultException || (error is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            return null;
        }

        var where = $"{step} in Azure container '{container.Name}'";
        return error switch
        {
            BrokenCircuitException => new VaultUnavailableException($"Azure storage is failing; not trying to {where} for now.", error),
            TimeoutRejectedException => new VaultUnavailableException($"Timed out trying to {where}.", error),
            RequestFailedException failed when !AzureResilience.IsTransient(failed) =>
                new VaultException($"Azure refused to {where}: {failed.Status} {failed.ErrorCode}.", error),
            _ when AzureResilience.IsTransient(error) => new VaultUnavailableException($"Azure storage is unreachable; could not {where}: {AzureResilience.FirstLine(error.Message)}", error),
            _ => new VaultException($"Could not {where}: {AzureResilience.FirstLine(error.Message)}", error),
        };
    }

    private static bool IsNotFound(RequestFailedException error) => error.Status == 404;
}
