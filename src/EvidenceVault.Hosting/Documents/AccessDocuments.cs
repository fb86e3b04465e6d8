using EvidenceVault.Application.Access;
using EvidenceVault.Domain.Access;

namespace EvidenceVault.Hosting.Documents;

/// <summary>The JSON shapes of users and retrieval requests, shared by the CLI and the HTTP API.</summary>
public static class AccessDocuments
{
    public static object User(User u) => new
    {
        name = u.Name.Value,
        displayName = u.DisplayName,
        department = u.Department,
        roles = u.Roles.Select(AccessControl.Name).Order(StringComparer.Ordinal),
        departmentHead = u.IsDepartmentHead,
        senior = u.IsSenior,
        officer = u.Officer?.Value,
        active = u.IsActive,
    };

    public static object Retrieval(RetrievalRequest r) => new
    {
        id = r.Id.ToString(),
        requester = r.Requester.Value,
        @case = r.Case?.Value,
        recordings = r.Recordings.Select(id => id.Value),
        purpose = r.Purpose,
        from = RecordingDocument.Time(r.Period.From),
        until = RecordingDocument.Time(r.Period.Until),
        outsideAgency = r.OutsideAgency,
        tier = RecordingDocument.Kind(r.Tier.Kind),
        department = r.Tier.Department,
        approver = r.Tier.Approver,
        status = RecordingDocument.Kind(r.Status),
        requestedAt = RecordingDocument.Time(r.RequestedAt),
        decision = Decision(r.Decision),
        revocation = Decision(r.Revocation),
    };

    private static object? Decision(RetrievalDecision? d) => d is null ? null : new { by = d.By.Value, at = RecordingDocument.Time(d.At), reason = d.Reason };
}
