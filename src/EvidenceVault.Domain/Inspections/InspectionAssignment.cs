using EvidenceVault.Domain.Draws;

namespace EvidenceVault.Domain.Inspections;

/// <summary>A recusal (回避): who stood down for which target, why, who recorded it, and who the rule put in.</summary>
public sealed record Recusal(string Target, string Inspector, string Replacement, string Reason, string By, DateTimeOffset At);

/// <summary>The inspectors of one drawn target, in assignment order.</summary>
public sealed record TargetAssignment(string Target, IReadOnlyList<string> Inspectors);

/// <summary>
/// 双随机 assignment, algorithm <c>ev-inspect-1</c>, repeated by anyone holding both lists and the seed: targets are the
/// selected candidates of the target draw in rank order; inspectors are the whole ranking of the inspector draw. Target
/// k (0-based) gets the inspectors at ranking positions k·M … k·M+M−1, taken modulo the number of inspectors (so a
/// small pool wraps round and one inspector may serve several targets, never the same target twice). A recusal replaces
/// the inspector with the next in the ranking after them (wrapping) who is neither assigned to that target nor recused
/// from it; nobody else can choose the replacement.
/// </summary>
public static class InspectionAssignment
{
    public const string Version = "ev-inspect-1";

    /// <summary>双随机 requires at least two inspectors per target.</summary>
    public const int MinimumPerTarget = 2;

    public static IReadOnlyList<TargetAssignment> Assign(DrawOutcome targets, DrawOutcome inspectors, int perTarget, IReadOnlyList<Recusal> recusals)
    {
        if (perTarget < MinimumPerTarget)
        {
            throw new FormatException($"双随机 sends at least {MinimumPerTarget} inspectors to each target; {perTarget} is too few.");
        }

        var ranking = inspectors.Ranking.OrderBy(r => r.Rank).Select(r => r.Candidate.Id).ToList();
        if (ranking.Count < perTarget)
        {
            throw new FormatException($"The inspector list has {ranking.Count} inspectors; each target needs {perTarget}.");
        }

        var drawn = targets.Ranking.Where(r => r.Selected).OrderBy(r => r.Rank).Select(r => r.Candidate.Id).ToList();
        var assignments = drawn.Select((t, k) => new TargetAssignment(t, [.. Enumerable.Range(k * perTarget, perTarget).Select(p => ranking[p % ranking.Count])])).ToList();
        foreach (var recusal in recusals)
        {
            var index = assignments.FindIndex(a => a.Target == recusal.Target);
            var expected = index < 0 ? null : Replacement(ranking, assignments[index], recusal.Inspector, recusals.TakeWhile(r => r != recusal));
            if (expected != recusal.Replacement)
            {
                throw new DrawRefusedException($"The recusal of {recusal.Inspector} from {recusal.Target} names {recusal.Replacement}; the ranking gives {expected ?? "no one"}.");
            }

            assignments[index] = assignments[index] with { Inspectors = [.. assignments[index].Inspectors.Select(i => i == recusal.Inspector ? recusal.Replacement : i)] };
        }

        return assignments;
    }

    /// <summary>
    /// The replacement the ranking gives when <paramref name="inspector"/> stands down from the target; refuses an
    /// inspector not assigned to it and a ranking with nobody left.
    /// </summary>
    public static string Replacement(IReadOnlyList<string> ranking, TargetAssignment assignment, string inspector, IEnumerable<Recusal> earlier)
    {
        var position = assignment.Inspectors.Contains(inspector, StringComparer.Ordinal) ? ranking.ToList().IndexOf(inspector) : -1;
        if (position < 0)
        {
            throw new DrawRefusedException($"{inspector} is not assigned to {assignment.Target}; only an assigned inspector can stand down.");
        }

        var excluded = new HashSet<string>(assignment.Inspectors, StringComparer.Ordinal);
        excluded.UnionWith(earlier.Where(r => r.Target == assignment.Target).Select(r => r.Inspector));
        excluded.Add(inspector);
        return Enumerable.Range(1, ranking.Count).Select(step => ranking[(position + step) % ranking.Count]).FirstOrDefault(i => !excluded.Contains(i))
            ?? throw new DrawRefusedException($"No inspector is left in the ranking to replace {inspector} at {assignment.Target}.");
    }

    /// <summary>
    /// Records a recusal: the replacement is the ranking's, never a person named by the one recording it, so a named
    /// replacement is refused outright (even when it happens to be the ranking's next).
    /// </summary>
    public static Recusal Recuse(
        IReadOnlyList<TargetAssignment> current, DrawOutcome inspectors, IReadOnlyList<Recusal> earlier, string target, string inspector, string reason, string? namedReplacement, string by, DateTimeOffset at)
    {
        if (namedReplacement is not null)
        {
            throw new DrawRefusedException($"A replacement for {inspector} cannot be named ('{namedReplacement}'): 回避 takes the next inspector in the drawn ranking.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new FormatException("A recusal (回避) needs its reason.");
        }

        var assignment = current.FirstOrDefault(a => a.Target == target)
            ?? throw new DrawRefusedException($"{target} is not one of the drawn targets.");
        var ranking = inspectors.Ranking.OrderBy(r => r.Rank).Select(r => r.Candidate.Id).ToList();
        return new Recusal(target, inspector, Replacement(ranking, assignment, inspector, earlier), reason.Trim(), by, at);
    }
}
