using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Jobs;

/// <summary>
/// Links one recording through <see cref="AutoLinker"/>: the one way a recording is linked after it arrives (queued by
/// its catalog write when it has no media work, by its media work otherwise, and when a later sighting improved its
/// facts). Idempotent: a recording already linked is left alone and an unchanged suggestion is not written twice.
/// </summary>
public sealed class LinkJobHandler(ICatalog catalog, AutoLinker linker) : IJobHandler
{
    public JobKind Kind => JobKind.Link;

    public async Task RunAsync(JobLease job, CancellationToken cancellationToken)
    {
        if (await catalog.FindAsync(RecordingId.Parse(job.Subject), cancellationToken) is { DestroyedAt: null } recording)
        {
            await linker.LinkRecordingAsync(recording, cancellationToken);
        }
    }

    public Task GiveUpAsync(JobLease job, string error, CancellationToken cancellationToken) => Task.CompletedTask;
}
