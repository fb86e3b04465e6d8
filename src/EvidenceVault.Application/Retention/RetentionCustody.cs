using EvidenceVault.Application.Custody;

namespace EvidenceVault.Application.Retention;

// The custody details of retention: marks and categories (subject = the recording), legal holds (subject = the held
// recording or case) and deletion proposals through to the tombstone (subject = the recording).

public sealed record MarkSetDetails(string Mark, string? Case, string Reason) : ICustodyDetails
{
    public static string Action => CustodyActions.MarkSet;
}

public sealed record MarkClearedDetails(string Mark, string Reason) : ICustodyDetails
{
    public static string Action => CustodyActions.MarkCleared;
}

/// <summary>A category set (or cleared, null) with the term it gives, if the rules know it.</summary>
public sealed record CategorySetDetails(string? Category, string? Term, string Reason) : ICustodyDetails
{
    public static string Action => CustodyActions.CategorySet;
}

/// <summary>A change that let the recording go sooner: what changed, the term before and after.</summary>
public sealed record TermShortenedDetails(string Change, string From, string To) : ICustodyDetails
{
    public static string Action => CustodyActions.TermShortened;
}

public sealed record HoldPlacedDetails(long Hold, string Scope, string Reason, string Authority) : ICustodyDetails
{
    public static string Action => CustodyActions.HoldPlaced;
}

public sealed record HoldReleasedDetails(long Hold, string Reason) : ICustodyDetails
{
    public static string Action => CustodyActions.HoldReleased;
}

/// <summary>A deletion proposed when a term ran out: the rule, when it expired, the risk flags and every rule considered.</summary>
public sealed record DeletionProposedDetails(long Proposal, string Rule, DateTimeOffset? Expired, IReadOnlyList<string> Flags, IReadOnlyList<string> Considered) : ICustodyDetails
{
    public static string Action => CustodyActions.DeletionProposed;
}

/// <summary>One approval; <see cref="Complete"/> when it was the second, which starts the recovery window.</summary>
public sealed record DeletionApprovedDetails(long Proposal, string Reason, bool AcknowledgedRisk, bool Complete, DateTimeOffset? DestroyAfter) : ICustodyDetails
{
    public static string Action => CustodyActions.DeletionApproved;
}

public sealed record DeletionRejectedDetails(long Proposal, string Reason) : ICustodyDetails
{
    public static string Action => CustodyActions.DeletionRejected;
}

public sealed record DeletionRecoveredDetails(long Proposal, string Reason) : ICustodyDetails
{
    public static string Action => CustodyActions.DeletionRecovered;
}

/// <summary>A destruction the rules refused at the last moment; the proposal stays approved.</summary>
public sealed record DeletionRefusedDetails(long Proposal, string Reason) : ICustodyDetails
{
    public static string Action => CustodyActions.DeletionRefused;
}

/// <summary>The tombstone of a destroyed original: hash, size, rule, who proposed and who approved, and why.</summary>
public sealed record DeletionDestroyedDetails(long Proposal, string Sha256, long Size, string Rule, IReadOnlyList<TombstoneApproval> Approvers, string ProposedBy) : ICustodyDetails
{
    public static string Action => CustodyActions.DeletionDestroyed;
}

public sealed record TombstoneApproval(string Approver, string Reason, DateTimeOffset At);
