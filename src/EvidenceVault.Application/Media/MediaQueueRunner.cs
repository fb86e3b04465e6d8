using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Vault;
using Microsoft.Extensions.Logging;

namespace EvidenceVault.Application.Media;

/// <summary>Drains the durable media job queue: claim with a lease, process, complete or back off.</summary>
public sealed class MediaQueueRunner(ICatalog catalog, MediaProcessor processor, TimeProvider time, ILogger<MediaQueueRunner> logger)
{
    public const int MaxAttempts = 5;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(30);

    /// <summary>Processes every job that is due now; returns (done, failed) counts.</summary>
    public async Task<(int Done, int Failed)> RunDueJobsAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var (done, failed) = (0, 0);
        while (await catalog.ClaimMediaJobAsync(time.GetUtcNow(), Lease, cancellationToken) is { } job)
        {
            var recording = await catalog.FindAsync(job.RecordingId, cancellationToken);
            if (recording is null)
            {
                await catalog.CompleteMediaJobAsync(job, cancellationToken);
                continue;
            }

            progress?.Report(recording.SourcePath);
            try
            {
                await processor.ProcessAsync(recording, cancellationToken);
                await catalog.CompleteMediaJobAsync(job, cancellationToken);
                done++;
            }
            catch (Exception ex) when (ex is MediaToolException or VaultException or IOException)
            {
                failed++;
                logger.LogWarning(ex, "Media work for {RecordingId} failed (attempt {Attempt})", job.RecordingId, job.Attempt);
                var last = job.Attempt >= MaxAttempts;
                await catalog.FailMediaJobAsync(job, ex.Message, last ? null : time.GetUtcNow() + Backoff(job.Attempt), cancellationToken);
                if (last)
                {
                    await processor.GiveUpAsync(recording, ex.Message, cancellationToken);
                }
            }
        }

        return (done, failed);
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMinutes(Math.Pow(4, attempt - 1));
}
