using EvidenceVault.Domain.Access;

namespace EvidenceVault.Application.Retrieval;

/// <summary>The custody details of a retrieval request: everything the approver weighed.</summary>
public static class RetrievalDetails
{
    public static object Of(RetrievalRequest r) => new
    {
        requester = r.Requester.Value,
        @case = r.Case?.Value,
        recordings = r.Recordings.Select(id => id.Value).ToArray(),
        purpose = r.Purpose,
        from = r.Period.From,
        until = r.Period.Until,
        outsideAgency = r.OutsideAgency,
        tier = r.Tier.Kind.ToString(),
        department = r.Tier.Department,
        status = r.Status.ToString().ToLowerInvariant(),
    };
}
