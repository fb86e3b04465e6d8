using EvidenceVault.Domain.Ingestion;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Catalog;

/// <summary>A recording's catalog row: the original's identity, provenance and what media work found.</summary>
public sealed record RecordingEntry
{
    public required RecordingId Id { get; init; }

    public required Sha256Digest Sha256 { get; init; }

    public Sm3Digest? Sm3 { get; init; }

    public required long SizeBytes { get; init; }

    public required RecordingKind Kind { get; init; }

    /// <summary>The container or file format found in the content (mp4, jpeg, pdf...).</summary>
    public required string Format { get; init; }

    public DeviceId? Device { get; init; }

    public OfficerId? Officer { get; init; }

    public DateTimeOffset? RecordedAt { get; init; }

    /// <summary>Where <see cref="RecordedAt"/> came from: <c>name:&lt;profile&gt;</c>, <c>container</c> or <c>file-system</c>.</summary>
    public string? RecordedAtSource { get; init; }

    public int? Mark { get; init; }

    /// <summary>The source path of the first sighting, relative to the recorder root.</summary>
    public required string SourcePath { get; init; }

    public string? DeclaredSha256 { get; init; }

    public required DateTimeOffset IngestedAt { get; init; }

    /// <summary>The station's local clock (with its offset) at ingest, recorded beside UTC.</summary>
    public required DateTimeOffset StationClock { get; init; }

    public required IngestStatus Status { get; init; }

    public IReadOnlyList<Reason> Reasons { get; init; } = [];

    public MediaState MediaState { get; init; }

    public double? DurationSeconds { get; init; }

    public string? VideoCodec { get; init; }

    public string? AudioCodec { get; init; }

    public int? Width { get; init; }

    public int? Height { get; init; }

    public DateTimeOffset? ContainerCreatedAt { get; init; }

    public bool HasProxy { get; init; }

    public bool HasThumbnail { get; init; }

    /// <summary>What the stored proxy hashed to when it was made; null before digests were recorded.</summary>
    public DerivativeDigest? Proxy { get; init; }

    /// <summary>What the stored thumbnail hashed to when it was made; null before digests were recorded.</summary>
    public DerivativeDigest? Thumbnail { get; init; }

    /// <summary>The stored preview sprite (a JPEG tile sheet); null for recordings made before previews, or without video.</summary>
    public DerivativeDigest? Sprite { get; init; }

    /// <summary>The stored WebVTT cues that map media time to tiles of <see cref="Sprite"/>; made and stored with it.</summary>
    public DerivativeDigest? SpriteCues { get; init; }

    /// <summary>When an approved deletion destroyed the bytes; the row and the ledger tombstone stay.</summary>
    public DateTimeOffset? DestroyedAt { get; init; }

    /// <summary>Failed while an integrity incident about this original is open.</summary>
    public IntegrityMark Integrity { get; init; }
}

/// <summary>What the last checks found about an original's bytes.</summary>
public enum IntegrityMark
{
    Ok,

    /// <summary>An open integrity incident: the stored bytes changed or went missing.</summary>
    Failed,
}

/// <summary>Where a recording's media work stands.</summary>
public enum MediaState
{
    /// <summary>Nothing to do (documents, unknown binaries).</summary>
    NotApplicable,

    /// <summary>Queued; runs inline or with <c>evidencevault process</c>.</summary>
    Pending,

    Done,

    /// <summary>Gave up after retries, or the media is unreadable; the original is untouched.</summary>
    Failed,
}
