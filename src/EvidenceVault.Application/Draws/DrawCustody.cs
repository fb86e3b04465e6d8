using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Draws;

namespace EvidenceVault.Application.Draws;

// Random draws (双随机, 抽查), subject = the draw number. The ledger keeps the commitment and the outcome, so a
// draw's row changed afterwards no longer matches its own entries.

/// <summary>A draw's terms as committed: what is published before the seed exists.</summary>
public sealed record DrawCommittedDetails(
    string Kind,
    string Title,
    int Candidates,
    string ListSha256,
    string SeedSource,
    string Quota,
    string Algorithm,
    string Commitment,
    DateTimeOffset SeedDueAt) : ICustodyDetails
{
    public static string Action => CustodyActions.DrawCommitted;

    public static DrawCommittedDetails Of(Draw d) => new(
        d.Kind.ToString(), d.Title, d.Candidates.Candidates.Count, d.ListHash.ToString(), d.SeedSource.Name, d.Quota.ToString(), DrawAlgorithm.Version, d.Commitment.ToString(), d.SeedDueAt);
}

/// <summary>The seed once public and the candidates it selected (their canonical lines).</summary>
public sealed record DrawRevealedDetails(string Seed, string Commitment, IReadOnlyList<string> Selected, string? Grant) : ICustodyDetails
{
    public static string Action => CustodyActions.DrawRevealed;

    public static DrawRevealedDetails Of(Draw d, DrawReveal r) =>
        new(r.Seed.Value, d.Commitment.ToString(), [.. r.Selected.Select(c => c.Line)], r.Grant?.ToString());
}
