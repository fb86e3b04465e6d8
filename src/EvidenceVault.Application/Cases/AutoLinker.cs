using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Registry;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Linking;

namespace EvidenceVault.Application.Cases;

/// <summary>
/// Links recordings to case activities by officer (or bound device) and time, when a recording arrives and
/// when an activity is added. A single clear match links; ties and near misses are stored as suggestions,
/// never as silent links; links made by a person are never overridden.
/// </summary>
public sealed class AutoLinker(ICaseStore cases, ICatalog catalog, IRegistry registry, LinkingPolicy policy, CustodyEntries custody)
{
    // Recordings longer than this are not expected from a body recorder; it bounds the search for an activity's recordings.
    private static readonly TimeSpan LongestRecording = TimeSpan.FromHours(12);

    public async Task<LinkDecision?> LinkRecordingAsync(RecordingEntry recording, CancellationToken cancellationToken)
    {
        if (recording.RecordedAt is not { } start)
        {
            return null;
        }

        var existing = await cases.LinksAsync(null, recording.Id, cancellationToken);
        if (existing.Any(l => l.Origin != LinkOrigin.Suggested))
        {
            return null;
        }

        var facts = RecordingFacts.WithDuration(recording.Id, recording.Officer, recording.Device, start, TimeSpan.FromSeconds(recording.DurationSeconds ?? 0), recording.Kind);
        var reach = policy.Margins.Before + policy.Margins.After + policy.Margins.NearMissSlack;
        var candidates = await cases.ActivitiesOverlappingAsync(facts.Start - reach, facts.End + reach, cancellationToken);
        if (candidates.Count == 0)
        {
            return new LinkDecision.Unfiled("No open case has an activity near this recording's time.");
        }

        var bindings = recording.Device is { } device ? await registry.BindingsAsync(device, cancellationToken) : [];
        var decision = policy.Decide(facts, candidates, bindings);
        switch (decision)
        {
            case LinkDecision.Linked linked:
                await SaveAsync(recording, linked.Activity, LinkOrigin.Automatic, linked.Reason, cancellationToken);
                break;
            case LinkDecision.Suggested suggested:
                foreach (var suggestion in suggested.Suggestions.DistinctBy(s => s.Activity.Case))
                {
                    await SaveAsync(recording, suggestion.Activity, LinkOrigin.Suggested, suggestion.Reason, cancellationToken);
                }

                break;
        }

        return decision;
    }

    /// <summary>Re-runs linking for every recording near a new or changed activity; returns how many were linked.</summary>
    public async Task<int> LinkActivityAsync(CaseActivity activity, CancellationToken cancellationToken)
    {
        var reach = policy.Margins.Before + policy.Margins.After + policy.Margins.NearMissSlack;
        var nearby = await catalog.ListAsync(new RecordingFilter(From: activity.Start - reach - LongestRecording, To: activity.End + reach, Limit: int.MaxValue), cancellationToken);
        var linked = 0;
        foreach (var recording in nearby)
        {
            linked += await LinkRecordingAsync(recording, cancellationToken) is LinkDecision.Linked ? 1 : 0;
        }

        return linked;
    }

    private Task SaveAsync(RecordingEntry recording, CaseActivity activity, LinkOrigin origin, string reason, CancellationToken cancellationToken)
    {
        var link = new RecordingLink(recording.Id, activity.Case, activity.Id, activity.Stage, origin, reason, null, custody.Now);
        var details = new { recording = recording.Id.Value, activityId = activity.Id, stage = activity.Stage.ToString(), origin = origin.ToString().ToLowerInvariant(), reason };
        return cases.LinkAsync(link, custody.Entry(CustodyActions.RecordingLinked, activity.Case.Value, details), cancellationToken);
    }
}
