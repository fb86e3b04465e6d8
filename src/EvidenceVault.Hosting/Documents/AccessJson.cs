namespace EvidenceVault.Hosting.Documents;

/// <summary>A user account as <see cref="AccessDocuments.User"/> prints it; roles sorted by name.</summary>
public sealed record UserJson(
    string Name,
    string DisplayName,
    string? Department,
    IReadOnlyList<string> Roles,
    bool DepartmentHead,
    bool Senior,
    string? Officer,
    bool Active);

/// <summary>A retrieval request (调阅) with its tier, decision and any revocation.</summary>
public sealed record RetrievalJson(
    string Id,
    string Requester,
    string? Case,
    IReadOnlyList<string> Recordings,
    string Purpose,
    string? From,
    string? Until,
    string? OutsideAgency,
    string Tier,
    string? Department,
    string? Approver,
    string Status,
    string? RequestedAt,
    RetrievalDecisionJson? Decision,
    RetrievalDecisionJson? Revocation);

/// <summary>Who approved, rejected or revoked a retrieval, when, and why.</summary>
public sealed record RetrievalDecisionJson(string By, string? At, string? Reason);

/// <summary>One recording a retrieval request covers: whose it is, from which device, when (null fields: no longer catalogued).</summary>
public sealed record RetrievalItemJson(string RecordingId, string? OfficerId, string? DeviceId, string? RecordedAt, string? Kind);
