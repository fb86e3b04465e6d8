using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Fixity;

/// <summary>Fixity checks and integrity incidents, each change written with its custody entry in one transaction.</summary>
public interface IFixityStore
{
    /// <summary>Recordings whose bytes should exist (destroyed ones are left out), in rolling order: never checked first, then the least recently checked.</summary>
    Task<IReadOnlyList<RecordingEntry>> DueAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Records a batch of passed checks and the batch's custody entry.</summary>
    Task RecordChecksAsync(IReadOnlyList<FixityCheck> checks, CustodyEntry custody, CancellationToken cancellationToken);

    /// <summary>
    /// Records a failed check and its custody entry and, unless an incident about the same target (the original, its proxy or its thumbnail)
    /// is already open for the recording,
    /// opens <paramref name="incident"/>, marks the recording failed and appends <paramref name="raised"/>
    /// (given the new incident's id). Returns that id, or null when an open incident already covered it.
    /// </summary>
    Task<long?> RecordFailureAsync(FixityCheck check, CustodyEntry failure, IntegrityIncident incident, Func<long, CustodyEntry> raised, CancellationToken cancellationToken);

    Task<IReadOnlyList<IntegrityIncident>> IncidentsAsync(IncidentStatus? status, CancellationToken cancellationToken);

    Task<IntegrityIncident?> FindIncidentAsync(long id, CancellationToken cancellationToken);

    /// <summary>Closes an open incident; the recording's mark clears when no other incident stays open for it.</summary>
    Task ResolveAsync(long id, string resolution, CustodyEntry custody, CancellationToken cancellationToken);
}

/// <summary>One re-hash of a stored original.</summary>
public sealed record FixityCheck(RecordingId Recording, DateTimeOffset At, bool Ok, string? ActualSha256);

public enum IncidentStatus
{
    Open,
    Resolved,
}

/// <summary>A stored original found changed or missing; open until someone resolves it with a reason.</summary>
public sealed record IntegrityIncident(
    long Id,
    RecordingId Recording,
    string Kind,
    DateTimeOffset DetectedAt,
    string Details,
    IncidentStatus Status,
    DateTimeOffset? ResolvedAt = null,
    string? ResolvedBy = null,
    string? Resolution = null);
