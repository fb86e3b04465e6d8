namespace EvidenceVault.Hosting.Documents;

/// <summary>A recording's retention term: the rule that decided it, what was considered, and the risk flags.</summary>
public sealed record RetentionJson(
    string RecordingId,
    string? OfficerId,
    string? RecordedAt,
    string State,
    string? ExpiresAt,
    string Rule,
    IReadOnlyList<string> Considered,
    string? Category,
    IReadOnlyList<string> Marks,
    IReadOnlyList<long> Holds,
    IReadOnlyList<FlagJson> Flags);

/// <summary>A deletion risk flag (e.g. a term shortened lately) that approvers must acknowledge.</summary>
public sealed record FlagJson(string Code, string Explanation);

/// <summary>One line of the retention plan: the term, what blocks deletion, and any open proposal.</summary>
public sealed record PlanItemJson(RetentionJson Retention, string? Blocker, ProposalJson? Proposal);

/// <summary>A proposed deletion and its approvals (two different people before anything is destroyed).</summary>
public sealed record ProposalJson(
    long Id,
    string RecordingId,
    string Sha256,
    long SizeBytes,
    string Rule,
    string Status,
    IReadOnlyList<FlagJson> Flags,
    string ProposedBy,
    string? ProposedAt,
    IReadOnlyList<ApprovalJson> Approvals,
    string? DestroyAfter);

public sealed record ApprovalJson(string Approver, string Reason, string? At);

/// <summary>What a purge did with one due proposal: destroyed, or refused and why.</summary>
public sealed record OutcomeJson(ProposalJson Proposal, bool Destroyed, string? Refusal);

public sealed record HoldJson(
    long Id,
    string Scope,
    string Target,
    string Reason,
    string Authority,
    string PlacedBy,
    string? PlacedAt,
    bool Active,
    string? ReleasedAt,
    string? ReleasedBy,
    string? ReleaseReason);
