namespace EvidenceVault.Domain.Access;

/// <summary>What a user may do; a user can hold several roles.</summary>
public enum Role
{
    /// <summary>Docks and uploads, and sees their own recordings.</summary>
    Officer,

    /// <summary>Runs retention: categories, legal holds, deletion approvals, fixity.</summary>
    Archivist,

    /// <summary>Retrieves case evidence under an approved, expiring grant.</summary>
    Reviewer,

    /// <summary>Manages the registry, users and roles.</summary>
    Administrator,
}
