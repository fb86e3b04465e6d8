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
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
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
            RequestFailedException failed when !IsTransient(failed) =>
                new VaultException($"Azure refused to {where}: {failed.Status} {failed.ErrorCode}.", error),
            _ when IsTransient(error) => new VaultUnavailableException($"Azure storage is unreachable; could not {where}: {FirstLine(error.Message)}", error),
            _ => new VaultException($"Could not {where}: {FirstLine(error.Message)}", error),
        };
    }

    /// <summary>The shapes the SDK produces once its own retries are used up, plus Polly's fail-fast ones.</summary>
    private static bool IsTransient(Exception error) => error switch
    {
        RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsTransient),
        HttpRequestException or IOException or TimeoutRejectedException or BrokenCircuitException => true,

        // The SDK's per-request network timeout surfaces as a cancellation nobody asked for.
        OperationCanceledException => true,
        _ => false,
    };

    private static bool IsNotFound(RequestFailedException error) => error.Status == 404;

    /// <summary>RequestFailedException messages carry full HTTP dumps; one line is enough for a user.</summary>
    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
