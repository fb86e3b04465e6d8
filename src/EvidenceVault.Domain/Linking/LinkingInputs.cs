using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Domain.Linking;

/// <summary>
/// What the linker knows about one recording: who made it (if the file said so), on which recorder,
/// and the instants it covers. Instants, never wall-clock times, so offsets and DST never matter.
/// </summary>
public sealed record RecordingFacts
{
    public RecordingFacts(
        RecordingId id,
        OfficerId? officer,
        DeviceId? device,
        DateTimeOffset start,
        DateTimeOffset end,
        RecordingKind kind)
    {
        if (end < start)
        {
            throw new ArgumentException($"Recording {id} ends ({end:O}) before it starts ({start:O}).", nameof(end));
        }

        Id = id;
        Officer = officer;
        Device = device;
        Start = start;
        End = end;
        Kind = kind;
    }

    public RecordingId Id { get; }

    public OfficerId? Officer { get; }

    public DeviceId? Device { get; }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public RecordingKind Kind { get; }

    /// <summary>Builds the facts from a start instant and a duration (photos and text have zero duration).</summary>
    public static RecordingFacts WithDuration(
        RecordingId id,
        OfficerId? officer,
        DeviceId? device,
        DateTimeOffset start,
        TimeSpan duration,
        RecordingKind kind)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        return new RecordingFacts(id, officer, device, start, start + duration, kind);
    }
}

/// <summary>
/// A recorder assigned to an officer from <see cref="From"/> (inclusive) until <see cref="To"/> (exclusive;
/// null = still in force). Half-open, so a handover instant belongs to exactly one officer.
/// </summary>
public sealed record DeviceBinding(DeviceId Device, OfficerId Officer, DateTimeOffset From, DateTimeOffset? To)
{
    /// <summary>The registry's row id; 0 until stored.</summary>
    public long Id { get; init; }

    public bool InForceAt(DateTimeOffset instant) => From <= instant && (To is null || instant < To.Value);

    /// <summary>True when the binding was in force at any instant of the closed interval [start, end].</summary>
    public bool InForceDuring(DateTimeOffset start, DateTimeOffset end) => From <= end && (To is null || start < To.Value);
}

/// <summary>
/// How far around an activity a recording may lie and still belong to it. Officers switch on early and
/// forget to switch off, hence the asymmetric defaults; <see cref="NearMissSlack"/> widens the window
/// further only to suggest, never to link.
/// </summary>
public sealed record LinkingMargins
{
    public LinkingMargins(TimeSpan before, TimeSpan after, TimeSpan nearMissSlack)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(before, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(after, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(nearMissSlack, TimeSpan.Zero);
        Before = before;
        After = after;
        NearMissSlack = nearMissSlack;
    }

    /// <summary>10 min before the start, 30 min after the end, 2 h of near-miss slack.</summary>
    public static LinkingMargins Default { get; } = new(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2));

    public TimeSpan Before { get; }

    public TimeSpan After { get; }

    public TimeSpan NearMissSlack { get; }
}
