using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Domain.Access;

/// <summary>Where a retrieval request stands; only an approved one is a grant.</summary>
public enum RetrievalStatus
{
    Pending,
    Approved,
    Rejected,
    Revoked,
}

/// <summary>Who decided something about a request, when, and why.</summary>
public sealed record RetrievalDecision(UserName By, DateTimeOffset At, string? Reason);

/// <summary>
/// A request to retrieve (调阅) recordings for a purpose over a period; approved, it is the grant. It covers
/// exactly the recordings named, or linked to the case, when it was requested: recordings linked later were
/// not weighed by the approver and need a new request.
/// </summary>
public sealed record RetrievalRequest(
    RetrievalId Id,
    UserName Requester,
    CaseNumber? Case,
    IReadOnlyList<RecordingId> Recordings,
    string Purpose,
    RetrievalPeriod Period,
    string? OutsideAgency,
    ApprovalTier Tier,
    RetrievalStatus Status,
    DateTimeOffset RequestedAt,
    RetrievalDecision? Decision,
    RetrievalDecision? Revocation)
{
    /// <summary>
    /// The grant hands out redacted copies only (for sharing outside the agency or for disclosure): never an original, a
    /// proxy or another derivative of the recordings it covers.
    /// </summary>
    public bool RedactedOnly { get; init; }

    /// <summary>An approved, unrevoked grant inside its period.</summary>
    public bool IsActiveAt(DateTimeOffset now) => Status == RetrievalStatus.Approved && Period.Contains(now);

    public bool Covers(RecordingId recording) => Recordings.Contains(recording);

    /// <summary>True for its holder, those who may decide it, and administrators: who may see or revoke it.</summary>
    public bool IsVisibleTo(User user) => user.IsActive && (Requester == user.Name || Tier.MayApprove(user) || user.Has(Role.Administrator));

    /// <summary>Why this grant gives no access now, or null when it is active.</summary>
    public string? WhyInactive(DateTimeOffset now) => Status switch
    {
        RetrievalStatus.Pending => $"{Id} is still waiting for approval by {Tier.Approver}",
        RetrievalStatus.Rejected => $"{Id} was rejected",
        RetrievalStatus.Revoked => $"{Id} was revoked",
        _ when now < Period.From => $"{Id} starts at {Period.From:yyyy-MM-dd HH:mm zzz}",
        _ when now >= Period.Until => $"{Id} expired at {Period.Until:yyyy-MM-dd HH:mm zzz}",
        _ => null,
    };
}
