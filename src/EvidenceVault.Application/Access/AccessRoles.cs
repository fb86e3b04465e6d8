using EvidenceVault.Domain.Access;

namespace EvidenceVault.Application.Access;

/// <summary>The role sets commands declare in <see cref="IRoleRestricted.AllowedRoles"/>.</summary>
public static class AccessRoles
{
    /// <summary>Registry and user management.</summary>
    public static readonly IReadOnlyCollection<Role> Administrators = [Role.Administrator];

    /// <summary>Case work: the handling officers, the archive, and administrators.</summary>
    public static readonly IReadOnlyCollection<Role> CaseWork = [Role.Officer, Role.Archivist, Role.Administrator];

    /// <summary>The legal review (法制审核) of major decisions: the review office, and administrators.</summary>
    public static readonly IReadOnlyCollection<Role> LegalReview = [Role.Reviewer, Role.Administrator];

    /// <summary>Approving and withdrawing what goes on the public site: the review office, the archive, and administrators.</summary>
    public static readonly IReadOnlyCollection<Role> Publication = [Role.Reviewer, Role.Archivist, Role.Administrator];

    /// <summary>The vault's integrity work (fixity scans, incidents, derivatives made again): the archive and administrators.</summary>
    public static readonly IReadOnlyCollection<Role> Integrity = [Role.Archivist, Role.Administrator];

    /// <summary>Reading the custody ledger and the holds on evidence: the archive, the review office, and administrators.</summary>
    public static readonly IReadOnlyCollection<Role> Audit = [Role.Archivist, Role.Reviewer, Role.Administrator];

    /// <summary>Supervision (监督): random draws and spot checks of recordings, by supervisors in the review office, and administrators.</summary>
    public static readonly IReadOnlyCollection<Role> Supervision = [Role.Reviewer, Role.Administrator];

    /// <summary>Any active user (the check still refuses unknown and disabled users).</summary>
    public static readonly IReadOnlyCollection<Role> Everyone = [Role.Officer, Role.Archivist, Role.Reviewer, Role.Administrator];
}
