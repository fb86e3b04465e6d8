using EvidenceVault.Application.Ingestion;

namespace EvidenceVault.Application.Station;

/// <summary>Where a bay is in its work on the device docked in it.</summary>
public enum BayPhase
{
    /// <summary>Nothing docked, or a finished summary kept until the next device.</summary>
    Empty,

    /// <summary>Docked, waiting for its hub's share of bandwidth.</summary>
    Waiting,

    Identifying,

    /// <summary>Copying while hashing; with a wipe policy each file is wiped right after its stored copy is verified.</summary>
    Copying,

    /// <summary>Every byte read; the last files are being stored, verified and catalogued.</summary>
    Verifying,

    Done,

    /// <summary>Ended early (device removed, I/O error, vault down); files already secured stay secured.</summary>
    Failed,

    /// <summary>Not a registered recorder: nothing was read.</summary>
    Refused,
}

/// <summary>One bay as the dashboard and <c>/station/bays</c> show it.</summary>
public sealed record BayStatus
{
    public required int Bay { get; init; }

    public required BayPhase Phase { get; init; }

    public string? DeviceKey { get; init; }

    /// <summary>The device is still plugged in (a finished bay's device may be taken out once this says so and the bay is done).</summary>
    public bool Plugged { get; init; }

    public string? Location { get; init; }

    public DockKind? Kind { get; init; }

    public string? Device { get; init; }

    public string? Model { get; init; }

    public string? Officer { get; init; }

    public int FilesDone { get; init; }

    public int FilesTotal { get; init; }

    public long BytesDone { get; init; }

    public long BytesTotal { get; init; }

    /// <summary>Megabytes (10^6) per second since copying began.</summary>
    public double? MegabytesPerSecond { get; init; }

    public bool WipeAfterVerify { get; init; }

    /// <summary>The recorder clock minus the station clock at docking; null when the device does not expose its time.</summary>
    public double? ClockOffsetSeconds { get; init; }

    /// <summary>Where the clock reading came from, or why there is none.</summary>
    public string? ClockSource { get; init; }

    /// <summary>The reason code of a failure or refusal.</summary>
    public string? ReasonCode { get; init; }

    public string? Message { get; init; }

    public IngestSummary? Summary { get; init; }

    public DateTimeOffset? DockedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public bool IsBusy => Phase is BayPhase.Waiting or BayPhase.Identifying or BayPhase.Copying or BayPhase.Verifying;

    public static BayStatus EmptyBay(int bay) => new() { Bay = bay, Phase = BayPhase.Empty };
}

/// <summary>Every bay at one moment, with a version that grows with each change (for server-sent events).</summary>
public sealed record BoardSnapshot(long Version, DateTimeOffset At, IReadOnlyList<BayStatus> Bays, int Queued);
