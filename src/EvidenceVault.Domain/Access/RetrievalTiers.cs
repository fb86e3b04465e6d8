using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Domain.Access;

/// <summary>Who recorded a recording, and the department that officer belongs to (null when unknown).</summary>
public sealed record RecordingOwner(OfficerId? Officer, string? Department);

/// <summary>
/// The retrieval tiers (调阅审批): own recordings need no approval; the own department's recordings need its
/// head; another department's recordings need that department's head; release outside the agency needs
/// agency leadership. Pure, so every tier is tested without a catalog.
/// </summary>
public static class RetrievalTiers
{
    public static ApprovalTier Required(User requester, IReadOnlyCollection<RecordingOwner> owners, bool outsideAgency)
    {
        if (owners.Count == 0)
        {
            throw new ArgumentException("A retrieval covers at least one recording.", nameof(owners));
        }

        if (outsideAgency)
        {
            return new ApprovalTier(TierKind.OutsideAgency, null);
        }

        if (owners.All(o => requester.Owns(o.Officer)))
        {
            return new ApprovalTier(TierKind.Own, requester.Department);
        }

        var departments = owners.Select(o => o.Department).Distinct(StringComparer.Ordinal).ToList();
        if (departments.Count != 1 || departments[0] is not { Length: > 0 } department)
        {
            return new ApprovalTier(TierKind.AgencyWide, null);
        }

        var kind = string.Equals(department, requester.Department, StringComparison.Ordinal) ? TierKind.OwnDepartment : TierKind.OtherDepartment;
        return new ApprovalTier(kind, department);
    }
}
