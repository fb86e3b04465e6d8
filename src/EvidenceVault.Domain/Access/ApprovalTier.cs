namespace EvidenceVault.Domain.Access;

/// <summary>Who must approve a retrieval, from the closest to the widest circle.</summary>
public enum TierKind
{
    /// <summary>Only the requester's own recordings: no approval needed.</summary>
    Own,

    /// <summary>Recordings of the requester's own department: its head approves.</summary>
    OwnDepartment,

    /// <summary>Recordings of another department: that department's head approves.</summary>
    OtherDepartment,

    /// <summary>Recordings of several departments, or of officers with no known department: no single head
    /// can answer for them, so agency leadership (senior) approves.</summary>
    AgencyWide,

    /// <summary>Release to a body outside the agency (prosecutor, court...): agency leadership (senior) approves.</summary>
    OutsideAgency,
}

/// <summary>The approval a retrieval needs; <see cref="Department"/> names the department whose head approves.</summary>
public sealed record ApprovalTier(TierKind Kind, string? Department)
{
    public bool NeedsApproval => Kind != TierKind.Own;

    /// <summary>True when this user can approve at this tier (never for the requester: checked by the caller).</summary>
    public bool MayApprove(User approver) => approver.IsActive && Kind switch
    {
        TierKind.OwnDepartment or TierKind.OtherDepartment => approver.IsDepartmentHead && string.Equals(approver.Department, Department, StringComparison.Ordinal),
        TierKind.AgencyWide or TierKind.OutsideAgency => approver.IsSenior,
        _ => false,
    };

    /// <summary>Who must approve, in words for refusal messages.</summary>
    public string Approver => Kind switch
    {
        TierKind.OwnDepartment or TierKind.OtherDepartment => $"the head of department '{Department}'",
        TierKind.AgencyWide => "agency leadership (a senior user), because the recordings span several or unknown departments",
        TierKind.OutsideAgency => "agency leadership (a senior user), because the release goes outside the agency",
        _ => "nobody (own recordings)",
    };
}
