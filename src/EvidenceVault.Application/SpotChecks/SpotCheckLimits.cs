namespace EvidenceVault.Application.SpotChecks;

/// <summary>Spot checks of recordings (执法记录抽查): the grant a reveal issues, the population bound, and the review checklist.</summary>
public sealed record SpotCheckLimits
{
    /// <summary>How long the grant issued at the reveal lasts, in days (default 14).</summary>
    public int GrantDays { get; init; } = 14;

    /// <summary>
    /// The most recordings one spot check may draw from (default 100 000); a larger population is refused rather than
    /// cut short, since a silently truncated list would no longer be the population the draw claims.
    /// </summary>
    public int MaxRecordings { get; init; } = 100_000;

    /// <summary>What a reviewer checks in each sampled recording; each item is found met or not met.</summary>
    public IReadOnlyList<string> Checklist { get; init; } =
    [
        "recorder on from the start",
        "identity shown",
        "rights notified",
        "recording complete to the end",
        "language and conduct",
    ];
}
