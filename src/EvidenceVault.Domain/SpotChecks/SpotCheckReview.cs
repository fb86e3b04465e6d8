using EvidenceVault.Domain.Draws;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Domain.SpotChecks;

/// <summary>One checklist item as the reviewer found it in the recording, with a note on what was seen.</summary>
public sealed record ChecklistFinding(string Item, bool Met, string? Note);

/// <summary>
/// A supervisor's review of one sampled recording: a finding for every checklist item, and the follow-up (整改) asked
/// for when an item is not met. Reviews are never edited; a later review of the same recording is the one that counts.
/// </summary>
public sealed record SpotCheckReview(DrawId Draw, RecordingId Recording, string Reviewer, DateTimeOffset At, IReadOnlyList<ChecklistFinding> Findings, string? FollowUp)
{
    public bool Passed => Findings.All(f => f.Met);

    /// <summary>Refuses findings that are not exactly the checklist (each item once) and a failed review without follow-up.</summary>
    public static SpotCheckReview Of(DrawId draw, RecordingId recording, string reviewer, DateTimeOffset at, IReadOnlyList<ChecklistFinding> findings, string? followUp, IReadOnlyList<string> checklist)
    {
        var unknown = findings.Select(f => f.Item).Where(i => !checklist.Contains(i, StringComparer.Ordinal)).ToList();
        var missing = checklist.Where(i => findings.Count(f => string.Equals(f.Item, i, StringComparison.Ordinal)) != 1).ToList();
        if (unknown.Count > 0 || missing.Count > 0)
        {
            throw new FormatException($"A review gives one finding for each checklist item ({string.Join("; ", checklist)}); {(unknown.Count > 0 ? $"not on the checklist: {string.Join("; ", unknown)}" : $"missing or repeated: {string.Join("; ", missing)}")}.");
        }

        var follow = string.IsNullOrWhiteSpace(followUp) ? null : followUp.Trim();
        return findings.Any(f => !f.Met) && follow is null
            ? throw new FormatException($"Recording {recording} fails {string.Join("; ", findings.Where(f => !f.Met).Select(f => f.Item))}: say what follow-up (整改) is asked for (--follow-up).")
            : new SpotCheckReview(draw, recording, reviewer, at, findings, follow);
    }
}
