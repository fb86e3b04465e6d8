using Azure;
using EvidenceVault.Application.Uploads;
using Polly;
using Polly.CircuitBreaker;

namespace EvidenceVault.Storage.Azure.Uploads;

/// <summary>
/// While storage is down, uploads answer 503 with a Retry-After instead of an Azure exception's 500, and after a few
/// failures stop touching the network until the break ends. The SDK retries each request (and times it out); the
/// breaker only adds the fail-fast, so nothing here retries on top.
/// </summary>
public sealed partial class AzureUploadStore
{
    private long _blockedUntilTicks;

    private ResiliencePipeline BuildPipeline() =>
        new ResiliencePipelineBuilder { TimeProvider = _time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(AzureResilience.IsTransient),
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromMinutes(1),
                BreakDuration = _options.BreakDuration,
                OnOpened = opened =>
                {
                    Interlocked.Exchange(ref _blockedUntilTicks, (_time.GetUtcNow() + opened.BreakDuration).UtcTicks);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    /// <summary>Runs one store operation; <paramref name="step"/> says what it was for the error ("append to upload X").</summary>
    private async Task<T> RunAsync<T>(string step, Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(async token => await action(token), cancellationToken);
        }
        catch (Exception e) when (IsOutage(e, cancellationToken))
        {
            throw Unavailable(step, e);
        }
    }

    private async Task RunAsync(string step, Func<CancellationToken, Task> action, CancellationToken cancellationToken) =>
        await RunAsync(step, async token =>
        {
            await action(token);
            return true;
        }, cancellationToken);

    /// <summary>Storage being down, not storage saying no (those keep their own meaning) nor the caller hanging up.</summary>
    private static bool IsOutage(Exception error, CancellationToken cancellationToken) =>
        !(error is OperationCanceledException && cancellationToken.IsCancellationRequested)
        && error is not RequestFailedException { Status: 404 or 409 or 412 }
        && AzureResilience.IsTransient(error);

    private UploadStoreUnavailableException Unavailable(string step, Exception error)
    {
        var blockedFor = new DateTimeOffset(Interlocked.Read(ref _blockedUntilTicks), TimeSpan.Zero) - _time.GetUtcNow();
        var retryAfter = blockedFor > TimeSpan.Zero ? blockedFor : _options.RetryDelay;
        var why = error is BrokenCircuitException
            ? "upload storage is failing; not trying for now"
            : $"upload storage is unreachable: {AzureResilience.FirstLine(error.Message)}";
        return new UploadStoreUnavailableException(
            $"Could not {step} in Azure container '{_container.Name}': {why}. Nothing of this request was kept; try again later.", retryAfter, error);
    }
}
