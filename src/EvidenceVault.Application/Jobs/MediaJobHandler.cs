using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Media;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Jobs;

/// <summary>
/// Media work for one recording, then a link job: what media work learns (duration, container time) can change
/// which activity the recording belongs to. Idempotent: the processor skips a recording whose media result is
/// already recorded, and the catalog records a result only once.
/// </summary>
public sealed class MediaJobHandler(ICatalog catalog, MediaProcessor processor, IJobQueue queue, TimeProvider time) : IJobHandler
{
    public JobKind Kind => JobKind.Media;

    public async Task RunAsync(JobLease job, CancellationToken cancellationToken)
    {
        if (await catalog.FindAsync(RecordingId.Parse(job.Subject), cancellationToken) is not { } recording)
        {
            return;
        }

        await processor.ProcessAsync(recording, cancellationToken);
        await queue.EnqueueAsync(JobKind.Link, job.Subject, time.GetUtcNow(), cancellationToken);
    }

    public async Task GiveUpAsync(JobLease job, string error, CancellationToken cancellationToken)
    {
        if (await catalog.FindAsync(RecordingId.Parse(job.Subject), cancellationToken) is { } recording)
        {
            await processor.GiveUpAsync(recording, error, cancellationToken);
        }
    }
}
