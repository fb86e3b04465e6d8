using EvidenceVault.Domain.Ingestion;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Ingestion;

/// <summary>The outcome for one source file, as reported to the user.</summary>
public sealed record IngestItem
{
    /// <summary>Relative to the source root, '/'-separated.</summary>
    public required string Path { get; init; }

    public required IngestStatus Status { get; init; }

    public RecordingId? RecordingId { get; init; }

    public Sha256Digest? Sha256 { get; init; }

    public Sm3Digest? Sm3 { get; init; }

    public long SizeBytes { get; init; }

    public RecordingKind? Kind { get; init; }

    public DeviceId? Device { get; init; }

    public OfficerId? Officer { get; init; }

    public DateTimeOffset? RecordedAt { get; init; }

    public int? Mark { get; init; }

    public double? DurationSeconds { get; init; }

    public bool? Playable { get; init; }

    public IReadOnlyList<Reason> Reasons { get; init; } = [];

    /// <summary>True when the source file was deleted from the device after verification.</summary>
    public bool Wiped { get; init; }

    public static IngestItem Classified(string path, IngestStatus status, long size, Reason reason) =>
        new() { Path = path, Status = status, SizeBytes = size, Reasons = [reason] };
}

/// <summary>The whole run: one item per source file and the totals.</summary>
public sealed record IngestReport(IReadOnlyList<IngestItem> Items, IngestSummary Summary)
{
    /// <summary>True when every file found was secured or classified.</summary>
    public bool AllSecuredOrClassified => Items.All(i => i.Status != IngestStatus.Failed);
}

/// <summary>Counts by status and the bytes newly secured.</summary>
public sealed record IngestSummary(
    int Files,
    int Stored,
    int Duplicate,
    int AlreadyIngested,
    int Quarantined,
    int Rejected,
    int Ignored,
    int Failed,
    long BytesStored,
    int MediaPending,
    double ElapsedSeconds)
{
    public static IngestSummary From(IReadOnlyList<IngestItem> items, int mediaPending, TimeSpan elapsed)
    {
        int Count(IngestStatus s) => items.Count(i => i.Status == s);
        return new IngestSummary(
            items.Count,
            Count(IngestStatus.Stored),
            Count(IngestStatus.Duplicate),
            Count(IngestStatus.AlreadyIngested),
            Count(IngestStatus.Quarantined),
            Count(IngestStatus.Rejected),
            Count(IngestStatus.Ignored),
            Count(IngestStatus.Failed),
            items.Where(i => i.Status is IngestStatus.Stored or IngestStatus.Quarantined).Sum(i => i.SizeBytes),
            mediaPending,
            Math.Round(elapsed.TotalSeconds, 3));
    }
}
