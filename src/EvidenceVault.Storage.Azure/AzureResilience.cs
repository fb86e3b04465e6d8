using Azure;
using Azure.Core;
using Azure.Storage.Blobs;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace EvidenceVault.Storage.Azure;

/// <summary>What the vault and the upload store both need to know about Azure failing: the SDK's retry settings and
/// which of its exceptions mean "storage is down" rather than "storage said no".</summary>
internal static class AzureResilience
{
    /// <summary>The SDK owns HTTP retries: it retries one block or range, never the whole transfer.</summary>
    public static BlobClientOptions ClientOptions(int maxRetries, TimeSpan retryDelay, TimeSpan networkTimeout)
    {
        var options = new BlobClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = maxRetries;
        options.Retry.Delay = retryDelay;
        options.Retry.NetworkTimeout = networkTimeout;
        return options;
    }

    /// <summary>The shapes the SDK produces once its own retries are used up, plus Polly's fail-fast ones.</summary>
    public static bool IsTransient(Exception error) => error switch
    {
        RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsTransient),
        HttpRequestException or IOException or TimeoutRejectedException or BrokenCircuitException => true,

        // The SDK's per-request network timeout surfaces as a cancellation nobody asked for.
        OperationCanceledException => true,
        _ => false,
    };

    /// <summary>RequestFailedException messages carry full HTTP dumps; one line is enough for a user.</summary>
    public static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
