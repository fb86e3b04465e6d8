namespace EvidenceVault.Hosting.Documents;

/// <summary>A draw as committed (its terms statement and commitment) and, once revealed, its outcome.</summary>
public sealed record DrawJson(
    string Id,
    string Kind,
    string Title,
    int Candidates,
    IReadOnlyList<string> Strata,
    string ListSha256,
    string SeedSource,
    IReadOnlyList<string> Quota,
    string Algorithm,
    string Statement,
    string Commitment,
    string? SeedDueAt,
    string CommittedBy,
    string? CommittedAt,
    DrawRevealJson? Reveal);

/// <summary>The seed once public, who entered it and when, and what it selected.</summary>
public sealed record DrawRevealJson(string Seed, string By, string? At, IReadOnlyList<DrawCandidateJson> Selected, string? Grant);

/// <summary>One candidate; the stratum is null in an unstratified draw.</summary>
public sealed record DrawCandidateJson(string? Stratum, string Id);

/// <summary>A candidate's place in its stratum's ranking and the SHA-256 score that put it there.</summary>
public sealed record DrawRankJson(string? Stratum, string Id, int Rank, string Score, bool Selected);

/// <summary>
/// A draw recomputed: the list hash and, when the terms are known, the commitment; the ranking; and whether it matches
/// what was expected (a commitment, a selection, the catalog's record). <c>Matches</c> is null when nothing was compared.
/// </summary>
public sealed record DrawVerificationJson(
    string? Draw,
    string ListSha256,
    string? Commitment,
    string? Seed,
    IReadOnlyList<DrawRankJson> Ranking,
    IReadOnlyList<DrawCandidateJson> Selected,
    bool? Matches,
    IReadOnlyList<string> Problems);

/// <summary>A checklist review of one sampled recording.</summary>
public sealed record SpotCheckReviewJson(string Draw, string Recording, string Reviewer, string? At, bool Passed, IReadOnlyList<ChecklistFindingJson> Findings, string? FollowUp);

/// <summary>One checklist item as found.</summary>
public sealed record ChecklistFindingJson(string Item, bool Met, string? Note);

/// <summary>A spot check's figures for one officer or unit.</summary>
public sealed record SpotCheckFiguresJson(string Who, int Sampled, int Reviewed, int Passed, IReadOnlyDictionary<string, int> FailedItems);

public sealed record SpotCheckStatisticsJson(string Draw, IReadOnlyList<SpotCheckFiguresJson> Figures);
