using EvidenceVault.Application.Access;
using EvidenceVault.Application.Retrieval;
using EvidenceVault.Domain.Access;

namespace EvidenceVault.Hosting.Documents;

/// <summary>The JSON shapes of users and retrieval requests, shared by the CLI and the HTTP API.</summary>
public static class AccessDocuments
{
    public static UserJson User(User u) => new(
        u.Name.Value,
        u.DisplayName,
        u.Department,
        [.. u.Roles.Select(AccessControl.Name).Order(StringComparer.Ordinal)],
        u.IsDepartmentHead,
        u.IsSenior,
        u.Officer?.Value,
        u.IsActive);

    public static RetrievalJson Retrieval(RetrievalRequest r) => new(
        r.Id.ToString(),
        r.Requester.Value,
        r.Case?.Value,
        [.. r.Recordings.Select(id => id.Value)],
        r.Purpose,
        RecordingDocument.Time(r.Period.From),
        RecordingDocument.Time(r.Period.Until),
        r.OutsideAgency,
        RecordingDocument.Kind(r.Tier.Kind),
        r.Tier.Department,
        r.Tier.Approver,
        RecordingDocument.Kind(r.Status),
        RecordingDocument.Time(r.RequestedAt),
        Decision(r.Decision),
        Decision(r.Revocation));

    public static RetrievalItemJson Item(RetrievalItem i) =>
        new(i.Recording.Value, i.Officer?.Value, i.Device?.Value, RecordingDocument.Time(i.RecordedAt), i.Kind is { } k ? RecordingDocument.Kind(k) : null);

    private static RetrievalDecisionJson? Decision(RetrievalDecision? d) => d is null ? null : new(d.By.Value, RecordingDocument.Time(d.At), d.Reason);
}
