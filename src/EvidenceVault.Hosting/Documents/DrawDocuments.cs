using EvidenceVault.Application.Draws;
using EvidenceVault.Application.SpotChecks;
using EvidenceVault.Domain.Draws;
using EvidenceVault.Domain.SpotChecks;

namespace EvidenceVault.Hosting.Documents;

/// <summary>The JSON shapes of draws, shared by the CLI and the HTTP API.</summary>
public static class DrawDocuments
{
    private static readonly Dictionary<DrawKind, string> KindNames = new()
    {
        [DrawKind.General] = "general",
        [DrawKind.SpotCheck] = "spot-check",
        [DrawKind.InspectionTargets] = "inspection-targets",
        [DrawKind.Inspectors] = "inspectors",
    };

    public static string Kind(DrawKind kind) => KindNames[kind];

    /// <summary>Reads a kind as <see cref="Kind"/> writes it.</summary>
    public static DrawKind ParseKind(string text) => KindNames.FirstOrDefault(k => string.Equals(k.Value, text.Trim(), StringComparison.OrdinalIgnoreCase)) is { Value: not null } found
        ? found.Key
        : throw new FormatException($"'{text}' is not a kind of draw ({string.Join(", ", KindNames.Values)}).");

    public static DrawJson Draw(Draw d) => new(
        d.Id.ToString(),
        Kind(d.Kind),
        d.Title,
        d.Candidates.Candidates.Count,
        d.Candidates.Strata,
        d.ListHash.ToString(),
        d.SeedSource.Name,
        d.Quota.Entries,
        DrawAlgorithm.Version,
        d.Terms.Statement,
        d.Commitment.ToString(),
        RecordingDocument.Time(d.SeedDueAt),
        d.CommittedBy,
        RecordingDocument.Time(d.CommittedAt),
        d.Reveal is { } r ? new DrawRevealJson(r.Seed.Value, r.By, RecordingDocument.Time(r.At), [.. r.Selected.Select(Candidate)], r.Grant?.ToString()) : null);

    public static DrawCandidateJson Candidate(DrawCandidate c) => new(c.Stratum, c.Id);

    public static DrawRankJson Rank(RankedCandidate r) => new(r.Candidate.Stratum, r.Candidate.Id, r.Rank, r.Score.Hex, r.Selected);

    /// <summary>A catalog draw checked against its ledger entries.</summary>
    public static DrawVerificationJson Verification(DrawVerification v) => new(
        v.Draw.Id.ToString(),
        v.Draw.Candidates.Hash.ToString(),
        v.Draw.Commitment.ToString(),
        v.Draw.Reveal?.Seed.Value,
        v.Outcome is { } o ? [.. o.Ranking.Select(Rank)] : [],
        v.Outcome is { } s ? [.. s.Selected.Select(Candidate)] : [],
        v.Holds,
        v.Problems);

    public static SpotCheckReviewJson Review(SpotCheckReview r) => new(
        r.Draw.ToString(), r.Recording.Value, r.Reviewer, RecordingDocument.Time(r.At), r.Passed, [.. r.Findings.Select(f => new ChecklistFindingJson(f.Item, f.Met, f.Note))], r.FollowUp);

    public static SpotCheckStatisticsJson Statistics(DrawId draw, IReadOnlyList<SpotCheckFigures> figures) =>
        new(draw.ToString(), [.. figures.Select(f => new SpotCheckFiguresJson(f.Who, f.Sampled, f.Reviewed, f.Passed, f.FailedItems))]);
}
