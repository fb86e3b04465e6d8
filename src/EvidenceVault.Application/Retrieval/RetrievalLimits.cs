namespace EvidenceVault.Application.Retrieval;

/// <summary>The bounds of a retrieval grant.</summary>
public sealed record RetrievalLimits
{
    /// <summary>The longest period a request may ask for, in whole days (default 90).</summary>
    public int MaxDays { get; init; } = 90;
}
