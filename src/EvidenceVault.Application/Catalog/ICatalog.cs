using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Catalog;

/// <summary>Recording metadata, source sightings and the media job queue, in one transactional store.</summary>
public interface ICatalog
{
    Task<RecordingEntry?> FindAsync(RecordingId id, CancellationToken cancellationToken);

    Task<RecordingEntry?> FindByDigestAsync(Sha256Digest digest, CancellationToken cancellationToken);

    /// <summary>True when this source (device label + relative path) was already seen with these bytes.</summary>
    Task<bool> HasSightingAsync(Sha256Digest digest, string sourceKey, CancellationToken cancellationToken);

    /// <summary>
    /// Records one ingested source file atomically: the recording (when new), the sighting, the media job
    /// (when wanted) and the custody entry. Returns false when the recording already existed.
    /// </summary>
    Task<bool> RecordIngestAsync(RecordingEntry recording, Sighting sighting, bool queueMediaJob, CustodyEntry custody, CancellationToken cancellationToken);

    /// <summary>Saves the outcome of media work and its custody entry in one transaction.</summary>
    Task UpdateAfterMediaAsync(RecordingEntry recording, CustodyEntry custody, CancellationToken cancellationToken);

    Task<IReadOnlyList<RecordingEntry>> ListAsync(RecordingFilter filter, CancellationToken cancellationToken);

    /// <summary>Claims the next due media job, leasing it for <paramref name="lease"/>; null when none is due.</summary>
    Task<MediaJob?> ClaimMediaJobAsync(DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    Task CompleteMediaJobAsync(MediaJob job, CancellationToken cancellationToken);

    /// <summary>Puts a failed job back with a later due time, or marks it dead after its last attempt.</summary>
    Task FailMediaJobAsync(MediaJob job, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken);

    Task<int> CountPendingMediaJobsAsync(CancellationToken cancellationToken);
}

/// <summary>One time a source file was seen, even when its bytes were already in the vault.</summary>
public sealed record Sighting(RecordingId RecordingId, string SourceKey, string SourcePath, string Status, DateTimeOffset SeenAt);

/// <summary>Filters for listing recordings; all optional.</summary>
public sealed record RecordingFilter(OfficerId? Officer = null, DeviceId? Device = null, DateTimeOffset? From = null, DateTimeOffset? To = null, int Limit = 1000);

/// <summary>A leased unit of media work for one recording.</summary>
public sealed record MediaJob(long Id, RecordingId RecordingId, int Attempt);
