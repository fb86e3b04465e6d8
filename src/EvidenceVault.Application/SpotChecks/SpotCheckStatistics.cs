using EvidenceVault.Application.Access;
using EvidenceVault.Application.Draws;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Draws;
using EvidenceVault.Domain.SpotChecks;
using Mediator;

namespace EvidenceVault.Application.SpotChecks;

/// <summary>One officer's or unit's figures in a spot check: sampled, reviewed, passed, and how often each item failed.</summary>
public sealed record SpotCheckFigures(string Who, int Sampled, int Reviewed, int Passed, IReadOnlyDictionary<string, int> FailedItems);

/// <summary>
/// A spot check's statistics per officer or unit (the stratum without its month), from the latest review of each
/// sampled recording.
/// </summary>
public sealed record SpotCheckStatisticsQuery(DrawId Draw) : IQuery<IReadOnlyList<SpotCheckFigures>>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Supervision;
}

public sealed class SpotCheckStatisticsHandler(IDrawStore draws, ISpotCheckReviewStore reviews) : IQueryHandler<SpotCheckStatisticsQuery, IReadOnlyList<SpotCheckFigures>>
{
    public async ValueTask<IReadOnlyList<SpotCheckFigures>> Handle(SpotCheckStatisticsQuery query, CancellationToken cancellationToken)
    {
        var draw = await draws.RequireAsync(query.Draw, cancellationToken);
        var sample = draw.Reveal?.Selected ?? throw new DrawRefusedException($"{draw.Id} is not revealed yet; it has no sample to count.");
        var latest = (await reviews.ListAsync(draw.Id, cancellationToken)).GroupBy(r => r.Recording.Value).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        return [.. sample.GroupBy(c => Who(c.Stratum)).Select(g =>
        {
            var done = g.Select(c => latest.GetValueOrDefault(c.Id)).OfType<SpotCheckReview>().ToList();
            var failed = done.SelectMany(r => r.Findings).Where(f => !f.Met).GroupBy(f => f.Item).ToDictionary(f => f.Key, f => f.Count(), StringComparer.Ordinal);
            return new SpotCheckFigures(g.Key, g.Count(), done.Count, done.Count(r => r.Passed), failed);
        })];
    }

    /// <summary>The officer or unit of a spot-check stratum (<c>010203 2026-11</c>): all but the trailing month.</summary>
    private static string Who(string? stratum) => stratum is { } s && s.LastIndexOf(' ') is var space and > 0 ? s[..space] : stratum ?? string.Empty;
}
