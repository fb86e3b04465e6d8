using EvidenceVault.Application.Access;
using EvidenceVault.Domain.Access;

namespace EvidenceVault.Cli.Output;

/// <summary>JSON shapes for users and retrieval requests.</summary>
internal static class AccessWire
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
        from = Wire.Time(r.Period.From),
        until = Wire.Time(r.Period.Until),
        outsideAgency = r.OutsideAgency,
        tier = Wire.Kind(r.Tier.Kind),
        department = r.Tier.Department,
        approver = r.Tier.Approver,
        status = Wire.Kind(r.Status),
        requestedAt = Wire.Time(r.RequestedAt),
        decision = Decision(r.Decision),
        revocation = Decision(r.Revocation),
    };

    public static string Line(RetrievalRequest r) =>
        $"{r.Id}  {Wire.Kind(r.Status),-8}  {r.Requester}  {Wire.Kind(r.Tier.Kind)}  {r.Case?.Value ?? $"{r.Recordings.Count} recordings"}  {Wire.Time(r.Period.From)} .. {Wire.Time(r.Period.Until)}  {r.Purpose}";

    private static object? Decision(RetrievalDecision? d) => d is null ? null : new { by = d.By.Value, at = Wire.Time(d.At), reason = d.Reason };
}
