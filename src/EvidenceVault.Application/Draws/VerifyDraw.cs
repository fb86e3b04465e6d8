using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Draws;
using Mediator;

namespace EvidenceVault.Application.Draws;

/// <summary>A draw checked against its own record: recomputed outcome (when revealed) and every mismatch found.</summary>
public sealed record DrawVerification(Draw Draw, DrawOutcome? Outcome, IReadOnlyList<string> Problems)
{
    public bool Holds => Problems.Count == 0;
}

/// <summary>
/// Recompute a stored draw from its list and seed, and compare with what the ledger recorded at commitment and reveal:
/// the list hash, the commitment, the seed and the selection. Anyone can repeat the recomputation outside the catalog
/// (<c>evidencevault draw verify --list</c>).
/// </summary>
public sealed record VerifyDrawQuery(DrawId Id) : IQuery<DrawVerification>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Supervision;
}

public sealed class VerifyDrawHandler(IDrawStore store, ICustodyLog log) : IQueryHandler<VerifyDrawQuery, DrawVerification>
{
    public async ValueTask<DrawVerification> Handle(VerifyDrawQuery query, CancellationToken cancellationToken)
    {
        var draw = await store.RequireAsync(query.Id, cancellationToken);
        var entries = (await log.ReadAsync(draw.Id.ToString(), cancellationToken)).Select(r => r.Entry).ToList();
        var committed = entries.Select(CustodyEntries.Read<DrawCommittedDetails>).LastOrDefault(d => d is not null);
        var revealed = entries.Select(CustodyEntries.Read<DrawRevealedDetails>).LastOrDefault(d => d is not null);
        var problems = new List<string>();
        if (draw.ListProblem is { } listProblem)
        {
            problems.Add(listProblem);
        }

        if (committed is null)
        {
            problems.Add("the ledger holds no commitment entry for this draw");
        }
        else if (committed.Commitment != draw.Commitment.ToString())
        {
            problems.Add($"the ledger recorded commitment {committed.Commitment}; the stored terms give {draw.Commitment}");
        }

        if (draw.Reveal is not { } reveal)
        {
            return new DrawVerification(draw, null, problems);
        }

        var outcome = DrawAlgorithm.Run(draw.Candidates, reveal.Seed, draw.Quota);
        var selected = outcome.Selected.Select(c => c.Line).ToList();
        if (!selected.SequenceEqual(reveal.Selected.Select(c => c.Line), StringComparer.Ordinal))
        {
            problems.Add("the stored selection is not what the list and the seed give");
        }

        if (revealed is null)
        {
            problems.Add("the ledger holds no reveal entry for this draw");
        }
        else if (revealed.Seed != reveal.Seed.Value || !revealed.Selected.SequenceEqual(selected, StringComparer.Ordinal))
        {
            problems.Add($"the ledger recorded seed '{revealed.Seed}' and {revealed.Selected.Count} selected; the recomputation from the stored seed '{reveal.Seed}' differs");
        }

        return new DrawVerification(draw, outcome, problems);
    }
}
