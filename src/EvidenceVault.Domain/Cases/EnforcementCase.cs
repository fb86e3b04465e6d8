using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Domain.Cases;

/// <summary>Whether a case is still being worked; nothing linked to an open case may ever be deleted.</summary>
public enum CaseStatus
{
    Open,
    Closed,
}

/// <summary>An enforcement case (案件): who it concerns, who handles it, and where it stands.</summary>
public sealed record EnforcementCase(
    CaseNumber Number,
    EnforcementType Type,
    string Party,
    string? Title,
    IReadOnlyList<OfficerId> Officers,
    CaseStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ClosedAt);
