using System.Globalization;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Ingestion;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Catalog;

/// <summary>Recording metadata and source sightings (with the media job queued at ingest), in one transactional store.</summary>
public interface ICatalog
{
    Task<RecordingEntry?> FindAsync(RecordingId id, CancellationToken cancellationToken);

    /// <summary>
    /// Records one ingested source file atomically. The recording is inserted unless its bytes are catalogued already;
    /// then, in the same write transaction, <paramref name="decide"/> is told what the insert found and returns what to
    /// write: the sighting, its custody entries, a job, and the recording's facts when they improved. So concurrent
    /// ingests of the same bytes make exactly one new recording.
    /// </summary>
    Task<IngestWrite> RecordIngestAsync(RecordingEntry recording, Func<IngestFound, IngestWrite> decide, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the outcome of media work and its custody entry in one transaction, only while the recording still
    /// waits for media work; false (nothing written) when another run already recorded a result.
    /// </summary>
    Task<bool> UpdateAfterMediaAsync(RecordingEntry recording, CustodyEntry custody, CancellationToken cancellationToken);

    /// <summary>Records a derivative made again from the verified original (its new digest) with its custody entry, in one transaction.</summary>
    Task UpdateDerivativeAsync(RecordingId id, DerivativeKind kind, DerivativeDigest digest, CustodyEntry custody, CancellationToken cancellationToken);

    Task<IReadOnlyList<RecordingEntry>> ListAsync(RecordingFilter filter, CancellationToken cancellationToken);
}

/// <summary>One time a source file was seen, even when its bytes were already in the vault.</summary>
public sealed record Sighting(RecordingId RecordingId, string SourceKey, string SourcePath, string Status, DateTimeOffset SeenAt)
{
    /// <summary>How well founded this sighting's device and officer were; null for sightings recorded before it was kept.</summary>
    public AttributionBasis? Basis { get; init; }
}

/// <summary>Filters for listing recordings; all optional.</summary>
public sealed record RecordingFilter(OfficerId? Officer = null, DeviceId? Device = null, DateTimeOffset? From = null, DateTimeOffset? To = null, int Limit = 1000, RecordingScope? Scope = null)
{
    /// <summary>Only recordings whose ingest flagged them with this reason code (e.g. <c>late-upload</c>).</summary>
    public string? Flag { get; init; }

    /// <summary>The filter in words (without the scope), for the custody entry a listing writes.</summary>
    public string Describe() => string.Join(' ', new[]
    {
        Officer is { } officer ? $"officer={officer}" : null,
        Device is { } device ? $"device={device}" : null,
        From is { } from ? "from=" + from.ToString("O", CultureInfo.InvariantCulture) : null,
        To is { } to ? "to=" + to.ToString("O", CultureInfo.InvariantCulture) : null,
        Flag is { } flag ? $"flag={flag}" : null,
        $"limit={Limit}",
    }.OfType<string>());
}
