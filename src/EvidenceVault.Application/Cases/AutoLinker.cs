using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Registry;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Linking;

namespace EvidenceVault.Application.Cases;

/// <summary>
/// Links recordings to case activities by officer (or bound device) and time, when a recording arrives and
/// when an activity is added or changed. A single clear match links; ties and near misses are stored as suggestions,
/// never as silent links; links made by a person are never overridden.
/// </summary>
public sealed class AutoLinker(ICaseStore cases, ICatalog catalog, IRegistry registry, LinkingPolicy policy, CustodyEntries custody)
{
    // Recordings longer than this are not expected from a body recorder; it bounds the search for an activity's recordings.
    private static readonly TimeSpan LongestRecording = TimeSpan.FromHours(12);

    private TimeSpan Reach => policy.Margins.Before + policy.Margins.After + policy.Margins.NearMissSlack;

    public async Task<LinkDecision?> LinkRecordingAsync(RecordingEntry recording, CancellationToken cancellationToken)
    {
        if (recording.RecordedAt is null)
        {
            return null;
        }

        var existing = await cases.LinksAsync(null, recording.Id, cancellationToken);
        if (existing.Any(l => l.Origin != LinkOrigin.Suggested))
        {
            return null;
        }

        var facts = Facts(recording);
        var candidates = await cases.ActivitiesOverlappingAsync(facts.Start - Reach, facts.End + Reach, cancellationToken);
        if (candidates.Count == 0)
        {
            return new LinkDecision.Unfiled("No open case has an activity near this recording's time.");
        }

        var decision = await DecideAsync(recording, candidates, cancellationToken);
        switch (decision)
        {
            case LinkDecision.Linked linked:
                await SaveAsync(recording, linked.Activity, LinkOrigin.Automatic, linked.Reason, cancellationToken);
                break;
            case LinkDecision.Suggested suggested:
                // An unchanged suggestion is not written again, so linking the same recording twice (a re-run link job) is idempotent.
                foreach (var suggestion in suggested.Suggestions.DistinctBy(s => s.Activity.Case)
                             .Where(s => !existing.Any(l => l.Case == s.Activity.Case && l.ActivityId == s.Activity.Id)))
                {
                    await SaveAsync(recording, suggestion.Activity, LinkOrigin.Suggested, suggestion.Reason, cancellationToken);
                }

                break;
        }

        return decision;
    }

    /// <summary>Re-runs linking for every recording near a new or changed activity; returns how many were linked.</summary>
    public async Task<int> LinkActivityAsync(CaseActivity activity, CancellationToken cancellationToken) =>
        await LinkEachAsync(await NearbyAsync(activity, cancellationToken), cancellationToken);

    /// <summary>
    /// After an activity changed: its automatic links that no longer match it are removed and its suggestions withdrawn
    /// (each with an unlink custody entry), then those recordings and every recording near the new window are linked
    /// afresh. Manual links are never touched.
    /// </summary>
    public async Task<Relinked> RelinkChangedActivityAsync(CaseActivity changed, CancellationToken cancellationToken)
    {
        var released = new List<RecordingEntry>();
        var unlinked = 0;
        foreach (var link in (await cases.LinksAsync(changed.Case, null, cancellationToken)).Where(l => l.ActivityId == changed.Id && l.Origin != LinkOrigin.Manual))
        {
            if (await catalog.FindAsync(link.Recording, cancellationToken) is not { } recording)
            {
                continue;
            }

            var stillMatches = link.Origin == LinkOrigin.Automatic && recording.RecordedAt is not null
                && await DecideAsync(recording, [changed], cancellationToken) is LinkDecision.Linked;
            if (stillMatches)
            {
                continue;
            }

            var reason = link.Origin == LinkOrigin.Automatic
                ? $"activity {changed.Id} changed: the recording no longer falls within its window or was not made by its officers"
                : $"activity {changed.Id} changed: suggestion withdrawn and checked again";
            var details = new RecordingUnlinkedDetails(recording.Id.Value, changed.Id, link.Origin.ToString().ToLowerInvariant(), reason);
            await cases.UnlinkAsync(changed.Case, recording.Id, custody.Entry(changed.Case.Value, details), cancellationToken);
            unlinked += link.Origin == LinkOrigin.Automatic ? 1 : 0;
            released.Add(recording);
        }

        var again = released.Concat(await NearbyAsync(changed, cancellationToken)).DistinctBy(r => r.Id);
        return new Relinked(unlinked, await LinkEachAsync(again, cancellationToken));
    }

    private Task<IReadOnlyList<RecordingEntry>> NearbyAsync(CaseActivity activity, CancellationToken cancellationToken) =>
        catalog.ListAsync(new RecordingFilter(From: activity.Start - Reach - LongestRecording, To: activity.End + Reach, Limit: int.MaxValue), cancellationToken);

    private async Task<int> LinkEachAsync(IEnumerable<RecordingEntry> recordings, CancellationToken cancellationToken)
    {
        var linked = 0;
        foreach (var recording in recordings)
        {
            linked += await LinkRecordingAsync(recording, cancellationToken) is LinkDecision.Linked ? 1 : 0;
        }

        return linked;
    }

    private async Task<LinkDecision> DecideAsync(RecordingEntry recording, IReadOnlyList<CaseActivity> candidates, CancellationToken cancellationToken)
    {
        var bindings = recording.Device is { } device ? await registry.BindingsAsync(device, cancellationToken) : [];
        return policy.Decide(Facts(recording), candidates, bindings);
    }

    private static RecordingFacts Facts(RecordingEntry recording) => RecordingFacts.WithDuration(
        recording.Id,
        recording.Officer,
        recording.Device,
        recording.RecordedAt ?? throw new ArgumentException($"Recording {recording.Id} has no recording time to link by.", nameof(recording)),
        TimeSpan.FromSeconds(recording.DurationSeconds ?? 0),
        recording.Kind);

    private Task SaveAsync(RecordingEntry recording, CaseActivity activity, LinkOrigin origin, string reason, CancellationToken cancellationToken)
    {
        var link = new RecordingLink(recording.Id, activity.Case, activity.Id, activity.Stage, origin, reason, null, custody.Now);
        var details = new RecordingLinkedDetails(recording.Id.Value, activity.Id, activity.Stage.ToString(), origin.ToString().ToLowerInvariant(), reason, null);
        return cases.LinkAsync(link, custody.Entry(activity.Case.Value, details), cancellationToken);
    }
}

/// <summary>What re-linking a changed activity did: automatic links removed, and recordings linked automatically.</summary>
public sealed record Relinked(int Unlinked, int Linked);
