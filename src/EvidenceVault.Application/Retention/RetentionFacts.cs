using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Retention;

namespace EvidenceVault.Application.Retention;

/// <summary>A recording with what the retention rules concluded about it.</summary>
public sealed record RecordingRetention(RecordingEntry Recording, RetentionInputs Inputs, RetentionTerm Term, IReadOnlyList<RiskFlag> Flags);

/// <summary>Gathers each recording's retention inputs (links, cases, marks, categories, holds) and applies the rules.</summary>
public sealed class RetentionFacts(ICatalog catalog, ICaseStore cases, IRetentionStore store, RetentionRules rules, TimeProvider time)
{
    public RetentionRules Rules => rules;

    /// <summary>Every recording that still has its bytes (destroyed ones have only their tombstone).</summary>
    public async Task<IReadOnlyList<RecordingRetention>> AssessAllAsync(CancellationToken cancellationToken)
    {
        var recordings = await catalog.ListAsync(new RecordingFilter(Limit: int.MaxValue), cancellationToken);
        var snapshot = await SnapshotAsync(cancellationToken);
        return [.. recordings.Where(r => r.DestroyedAt is null).Select(r => Assess(r, snapshot))];
    }

    public async Task<RecordingRetention> AssessAsync(RecordingId id, CancellationToken cancellationToken)
    {
        var recording = await catalog.FindAsync(id, cancellationToken) ?? throw new Recordings.RecordingNotFoundException(id);
        return Assess(recording, await SnapshotAsync(cancellationToken));
    }

    /// <summary>The recording's retention now, and as it would be without its link to <paramref name="number"/>.</summary>
    public async Task<(RecordingRetention Now, RecordingRetention Unlinked)> AssessUnlinkAsync(RecordingId id, CaseNumber number, CancellationToken cancellationToken)
    {
        var recording = await catalog.FindAsync(id, cancellationToken) ?? throw new Recordings.RecordingNotFoundException(id);
        var snapshot = await SnapshotAsync(cancellationToken);
        var unlinked = snapshot with { Links = [.. snapshot.Links.Where(l => l.Recording != id || l.Case != number)] };
        return (Assess(recording, snapshot), Assess(recording, unlinked));
    }

    private RecordingRetention Assess(RecordingEntry recording, Snapshot snapshot)
    {
        var id = recording.Id;
        var linked = snapshot.Links.Where(l => l.Recording == id && l.Origin != LinkOrigin.Suggested)
            .Select(l => l.Case).Distinct()
            .Select(number => snapshot.Cases.TryGetValue(number, out var c) ? c : null).OfType<LinkedCase>().ToList();
        var linkedNumbers = linked.Select(c => c.Number.Value).ToHashSet(StringComparer.Ordinal);
        var holds = snapshot.Holds
            .Where(h => (h.Scope == HoldScope.Recording && h.Target == id.Value) || (h.Scope == HoldScope.Case && linkedNumbers.Contains(h.Target)))
            .Select(h => h.Id).ToList();
        var inputs = new RetentionInputs(
            recording.RecordedAt ?? recording.IngestedAt,
            snapshot.Categories.GetValueOrDefault(id),
            [.. snapshot.Marks.Where(m => m.Recording == id).Select(m => m.Mark)],
            linked,
            holds)
        {
            TermShortenedAt = snapshot.Shortenings.LastOrDefault(s => s.Recording == id)?.At,
        };
        var now = time.GetUtcNow();
        return new RecordingRetention(recording, inputs, RetentionPolicy.Evaluate(inputs, rules, now), DeletionRiskGate.Flags(inputs, rules, now));
    }

    private async Task<Snapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var links = await cases.LinksAsync(null, null, cancellationToken);
        var decisions = (await cases.DecisionsAsync(null, cancellationToken)).ToDictionary(d => d.Case);
        var linkedCases = new Dictionary<CaseNumber, LinkedCase>();
        foreach (var c in await cases.ListAsync(null, null, cancellationToken))
        {
            if (!links.Any(l => l.Case == c.Number))
            {
                continue;
            }

            var activities = await cases.ActivitiesAsync(c.Number, cancellationToken);
            linkedCases[c.Number] = new LinkedCase(
                c.Number, c.Type, c.Status, c.ClosedAt, decisions.GetValueOrDefault(c.Number)?.Date, activities.Count == 0 ? null : activities.Max(a => a.End));
        }

        return new Snapshot(
            links,
            linkedCases,
            await store.MarksAsync(null, cancellationToken),
            await store.CategoriesAsync(cancellationToken),
            await store.HoldsAsync(activeOnly: true, cancellationToken),
            await store.ShorteningsSinceAsync(time.GetUtcNow() - DeletionRiskGate.ShortenedTermWindow, cancellationToken));
    }

    private sealed record Snapshot(
        IReadOnlyList<RecordingLink> Links,
        IReadOnlyDictionary<CaseNumber, LinkedCase> Cases,
        IReadOnlyList<MarkRecord> Marks,
        IReadOnlyDictionary<RecordingId, string> Categories,
        IReadOnlyList<LegalHold> Holds,
        IReadOnlyList<TermShortening> Shortenings);
}
