using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Catalog;

/// <summary>Recording metadata and source sightings (with the media job queued at ingest), in one transactional store.</summary>
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

    /// <summary>
    /// Saves the outcome of media work and its custody entry in one transaction, only while the recording still
    /// waits for media work; false (nothing written) when another run already recorded a result.
    /// </summary>
    Task<bool> UpdateAfterMediaAsync(RecordingEntry recording, CustodyEntry custody, CancellationToken cancellationToken);

    Task<IReadOnlyList<RecordingEntry>> ListAsync(RecordingFilter filter, CancellationToken cancellationToken);
}

/// <summary>One time a source file was seen, even when its bytes were already in the vault.</summary>
public sealed record Sighting(RecordingId RecordingId, string SourceKey, string SourcePath, string Status, DateTimeOffset SeenAt);

/// <summary>Filters for listing recordings; all optional.</summary>
public sealed record RecordingFilter(OfficerId? Officer = null, DeviceId? Device = null, DateTimeOffset? From = null, DateTimeOffset? To = null, int Limit = 1000);
