using System.Globalization;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Domain.Linking;

/// <summary>
/// Decides which case activity a recording belongs to, from who recorded it and when. Pure: the same
/// facts always give the same decision. A recording matches an activity when one of the activity's
/// officers recorded it (named in the file, or through the device bound to them at the recording's
/// start) and its interval overlaps [Start - Before, End + After]; both ends are inclusive.
/// </summary>
public sealed class LinkingPolicy(LinkingMargins margins)
{
    public static LinkingPolicy Default { get; } = new(LinkingMargins.Default);

    public LinkingMargins Margins { get; } = margins;

    public LinkDecision Decide(
        RecordingFacts recording,
        IEnumerable<CaseActivity> candidates,
        IEnumerable<DeviceBinding> bindings)
    {
        var activities = candidates.OrderBy(a => a.Start).ThenBy(a => a.Id).ToList();
        var deviceBindings = recording.Device is { } device
            ? bindings.Where(b => b.Device == device).ToList()
            : [];
        var recorders = Recorders(recording, deviceBindings);

        var matches = new List<(CaseActivity Activity, string Reason)>();
        var nearMisses = new List<(LinkSuggestion Suggestion, TimeSpan Gap)>();
        foreach (var activity in activities)
        {
            var officer = recorders.FirstOrDefault(r => activity.Officers.Contains(r.Officer));
            if (officer is not null)
            {
                var gap = Gap(recording, activity.Start - Margins.Before, activity.End + Margins.After);
                if (gap == TimeSpan.Zero)
                {
                    matches.Add((activity, $"{officer.Describe()} recorded within the window of {Describe(activity)}"));
                }
                else if (gap <= Margins.NearMissSlack)
                {
                    var side = recording.End < activity.Start - Margins.Before ? "before" : "after";
                    nearMisses.Add((
                        new LinkSuggestion(
                            activity,
                            SuggestionKind.NearMissTime,
                            $"{officer.Describe()} recorded {Format(gap)} {side} the window of {Describe(activity)}"),
                        gap));
                }
            }
            else if (recorders.Count == 0
                && DeviceNearMiss(recording, activity, deviceBindings) is { } binding)
            {
                nearMisses.Add((
                    new LinkSuggestion(
                        activity,
                        SuggestionKind.DeviceOnly,
                        $"recording names no officer, but device {binding.Device} was bound to officer {binding.Officer} "
                        + $"of {Describe(activity)} around that time (not at the recording's start)"),
                    TimeSpan.Zero));
            }
        }

        if (matches.Count == 1)
        {
            return new LinkDecision.Linked(matches[0].Activity, matches[0].Reason);
        }

        if (matches.Count > 1)
        {
            // Several activities fit equally well: a person must choose, so none is linked.
            var suggestions = matches
                .Select(m => new LinkSuggestion(m.Activity, SuggestionKind.Ambiguous, $"{m.Reason}; {matches.Count} activities match"))
                .ToList();
            return new LinkDecision.Suggested(suggestions, $"{matches.Count} activities match; choose one");
        }

        if (nearMisses.Count > 0)
        {
            var suggestions = nearMisses.OrderBy(n => n.Gap).Select(n => n.Suggestion).ToList();
            return new LinkDecision.Suggested(suggestions, "no activity matches; nearest candidates suggested");
        }

        return new LinkDecision.Unfiled(UnfiledReason(recording, recorders, activities.Count));
    }

    /// <summary>Everyone who recorded it: the officer the file names, and whoever held the device at the start.</summary>
    private static List<Recorder> Recorders(RecordingFacts recording, List<DeviceBinding> deviceBindings)
    {
        var recorders = new List<Recorder>();
        if (recording.Officer is { } named)
        {
            recorders.Add(new Recorder(named, null));
        }

        foreach (var binding in deviceBindings.Where(b => b.InForceAt(recording.Start)))
        {
            if (recorders.All(r => r.Officer != binding.Officer))
            {
                recorders.Add(new Recorder(binding.Officer, binding.Device));
            }
        }

        return recorders;
    }

    /// <summary>A binding of the recording's device to one of the activity's officers near the activity, for an officer-less recording in the window.</summary>
    private DeviceBinding? DeviceNearMiss(RecordingFacts recording, CaseActivity activity, List<DeviceBinding> deviceBindings)
    {
        if (Gap(recording, activity.Start - Margins.Before, activity.End + Margins.After) != TimeSpan.Zero)
        {
            return null;
        }

        var from = activity.Start - Margins.Before - Margins.NearMissSlack;
        var to = activity.End + Margins.After + Margins.NearMissSlack;
        return deviceBindings.FirstOrDefault(b => activity.Officers.Contains(b.Officer) && b.InForceDuring(from, to));
    }

    /// <summary>Zero when the recording overlaps the closed window, else the time between them.</summary>
    private static TimeSpan Gap(RecordingFacts recording, DateTimeOffset windowStart, DateTimeOffset windowEnd)
    {
        if (recording.End < windowStart)
        {
            return windowStart - recording.End;
        }

        return recording.Start > windowEnd ? recording.Start - windowEnd : TimeSpan.Zero;
    }

    private string UnfiledReason(RecordingFacts recording, List<Recorder> recorders, int candidateCount)
    {
        if (candidateCount == 0)
        {
            return "no candidate activities";
        }

        if (recorders.Count == 0)
        {
            return recording.Device is { } device
                ? $"recording names no officer and device {device} was bound to no officer at its start"
                : "recording names neither an officer nor a device";
        }

        var officers = string.Join(", ", recorders.Select(r => r.Officer.Value));
        return $"no activity of officer {officers} within {Format(Margins.NearMissSlack)} of the activity windows";
    }

    private static string Describe(CaseActivity activity) =>
        $"activity {activity.Id.ToString(CultureInfo.InvariantCulture)} ({activity.ActivityType}, case {activity.Case})";

    /// <summary>Human gap: "1 s", "12 min", "1 h 5 min"; rounded up to the second so a gap never reads as 0.</summary>
    internal static string Format(TimeSpan gap)
    {
        var seconds = (long)Math.Ceiling(gap.TotalSeconds);
        var (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
        var parts = new List<string>(3);
        if (h > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{h} h"));
        }

        if (m > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{m} min"));
        }

        if (s > 0 || parts.Count == 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{s} s"));
        }

        return string.Join(' ', parts);
    }

    private sealed record Recorder(OfficerId Officer, DeviceId? ThroughDevice)
    {
        public string Describe() => ThroughDevice is { } device
            ? $"officer {Officer} (device {device} bound at the recording time)"
            : $"officer {Officer}";
    }
}
