namespace EvidenceVault.Application.Retrieval;

/// <summary>The bounds of a retrieval grant, and how long a verified download may be re-served without re-hashing.</summary>
public sealed record RetrievalLimits
{
    /// <summary>The longest period a request may ask for, in whole days (default 90).</summary>
    public int MaxDays { get; init; } = 90;

    /// <summary>
    /// How long after a write-once file hashed intact further requests for it (a player's seeks) stream it without
    /// hashing it again (default 60 s; zero re-hashes every request). Every request is still a custody entry.
    /// </summary>
    public TimeSpan VerifiedFor { get; init; } = TimeSpan.FromSeconds(60);
}
