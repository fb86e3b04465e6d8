using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Domain.Retention;

/// <summary>Where a proposed deletion stands. Only <see cref="Destroyed"/> means the bytes are gone.</summary>
public enum DeletionStatus
{
    /// <summary>Waiting for two different approvers.</summary>
    Proposed,

    /// <summary>Approved; still recoverable until the recovery window ends.</summary>
    Approved,

    /// <summary>Turned down by an approver; the recording stays.</summary>
    Rejected,

    /// <summary>Undone inside the recovery window, or cancelled because the rules changed.</summary>
    Recovered,

    /// <summary>The bytes are destroyed; a tombstone stays in the custody ledger.</summary>
    Destroyed,
}

/// <summary>One approver's sign-off, with the reason they gave.</summary>
public sealed record DeletionApproval(string Approver, string Reason, DateTimeOffset At);

/// <summary>A proposal to delete an expired recording: never silent, always two approvers.</summary>
public sealed record DeletionProposal(
    long Id,
    RecordingId Recording,
    Sha256Digest Sha256,
    long SizeBytes,
    string Rule,
    IReadOnlyList<RiskFlag> Flags,
    DeletionStatus Status,
    string ProposedBy,
    DateTimeOffset ProposedAt,
    IReadOnlyList<DeletionApproval> Approvals,
    DateTimeOffset? DestroyAfter)
{
    /// <summary>How many different people must approve every deletion.</summary>
    public const int RequiredApprovers = 2;

    public bool IsFlagged => Flags.Count > 0;

    /// <summary>Checks that <paramref name="approver"/> may approve now; returns true when this approval completes the pair.</summary>
    /// <exception cref="DeletionRuleException">The approval is not allowed; the message says why.</exception>
    public bool EnsureMayApprove(string approver, string reason, bool acknowledgesRisk)
    {
        if (Status != DeletionStatus.Proposed)
        {
            throw new DeletionRuleException($"Deletion proposal {Id} is {Status.ToString().ToLowerInvariant()}; only a proposed deletion can be approved.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DeletionRuleException($"Approving deletion proposal {Id} needs a reason.");
        }

        if (Approvals.Any(a => string.Equals(a.Approver, approver, StringComparison.Ordinal)))
        {
            throw new DeletionRuleException($"{approver} has already approved deletion proposal {Id}; the second approval must come from a different person.");
        }

        if (IsFlagged && !acknowledgesRisk)
        {
            throw new DeletionRuleException(
                $"Deletion proposal {Id} is flagged ({string.Join("; ", Flags.Select(f => f.Explanation))}); approve it with --acknowledge-risk and a reason that addresses the flags.");
        }

        return Approvals.Count + 1 >= RequiredApprovers;
    }

    /// <exception cref="DeletionRuleException">The deletion can no longer be undone, or was never approved.</exception>
    public void EnsureRecoverable(DateTimeOffset now)
    {
        if (Status == DeletionStatus.Destroyed)
        {
            throw new DeletionRuleException($"Deletion proposal {Id} cannot be recovered: its bytes were destroyed (see the tombstone in the custody ledger).");
        }

        if (Status is not (DeletionStatus.Proposed or DeletionStatus.Approved) || (DestroyAfter is { } end && now >= end))
        {
            throw new DeletionRuleException($"Deletion proposal {Id} is {Status.ToString().ToLowerInvariant()} and cannot be recovered.");
        }
    }

    /// <summary>True when the bytes may be destroyed now: approved, and the recovery window has passed.</summary>
    public bool IsDueForDestruction(DateTimeOffset now) => Status == DeletionStatus.Approved && DestroyAfter is { } end && now >= end;
}

/// <summary>A retention or deletion rule refused the request; the message says which and why.</summary>
public sealed class DeletionRuleException(string message) : Exception(message);
