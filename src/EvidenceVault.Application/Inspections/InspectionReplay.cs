using EvidenceVault.Application.Draws;
using EvidenceVault.Domain.Draws;
using EvidenceVault.Domain.Inspections;

namespace EvidenceVault.Application.Inspections;

/// <summary>A task checked against its inputs: every mismatch found, and the assignment the draws and recusals give.</summary>
public sealed record InspectionVerification(InspectionTask Task, IReadOnlyList<TargetAssignment>? Replayed, IReadOnlyList<string> Problems)
{
    public bool Holds => Problems.Count == 0;
}

/// <summary>
/// Repeats a task from what it committed to: the stored pools must still hash to their import SHA-256 and give the
/// lists the draws committed to, the draws must still match their own list hashes, and ev-inspect-1 over both outcomes
/// and the recorded recusals must give the stored assignment. One place, used by every step that relies on it.
/// </summary>
public sealed class InspectionReplay(IInspectionPoolStore pools, IDrawStore draws)
{
    /// <summary>The two draws of a task.</summary>
    public async Task<(Draw Targets, Draw Inspectors)> DrawsAsync(InspectionTask task, CancellationToken cancellationToken) =>
        (await draws.RequireAsync(task.TargetDraw, cancellationToken), await draws.RequireAsync(task.InspectorDraw, cancellationToken));

    /// <summary>The outcome a revealed draw's own list and seed give (never the stored selection).</summary>
    public static DrawOutcome Outcome(Draw draw) => draw.Reveal is { } reveal
        ? DrawAlgorithm.Run(draw.Candidates, reveal.Seed, draw.Quota)
        : throw new InspectionRuleException($"{draw.Id} is not revealed yet.");

    /// <summary>Why the task's pools no longer give its draws' committed lists; empty when they do.</summary>
    public async Task<IReadOnlyList<string>> PoolProblemsAsync(InspectionTask task, Draw targets, Draw inspectors, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var (version, draw, list) in new (long, Draw, Func<InspectionPool, CandidateList>)[]
        {
            (task.TargetPool, targets, p => task.Filter.Targets(p.Targets)),
            (task.InspectorPool, inspectors, p => task.Filter.Inspectors(p.Inspectors)),
        })
        {
            var pool = await pools.FindAsync(version, cancellationToken);
            if (pool is null)
            {
                problems.Add($"pool v{version} is missing");
                continue;
            }

            var actual = InspectionPool.HashOf(pool.Csv);
            if (actual != pool.Sha256)
            {
                problems.Add($"pool v{version} hashes to {actual}, not the {pool.Sha256} recorded at its import");
            }
            else if (list(pool).Hash != draw.ListHash)
            {
                problems.Add($"pool v{version} gives list {list(pool).Hash}; {draw.Id} committed to {draw.ListHash}");
            }

            if (draw.ListProblem is { } drawProblem)
            {
                problems.Add($"{draw.Id}: {drawProblem}");
            }
        }

        return problems;
    }

    public async Task<InspectionVerification> VerifyAsync(InspectionTask task, CancellationToken cancellationToken)
    {
        var (targets, inspectors) = await DrawsAsync(task, cancellationToken);
        var problems = (await PoolProblemsAsync(task, targets, inspectors, cancellationToken)).ToList();
        if (task.Assignment is not { } stored)
        {
            return new InspectionVerification(task, null, problems);
        }

        if (targets.Reveal is null || inspectors.Reveal is null)
        {
            problems.Add("the task holds an assignment but its draws are not both revealed");
            return new InspectionVerification(task, null, problems);
        }

        try
        {
            var replayed = InspectionAssignment.Assign(Outcome(targets), Outcome(inspectors), task.PerTarget, task.Recusals);
            if (!Lines(replayed).SequenceEqual(Lines(stored), StringComparer.Ordinal))
            {
                problems.Add($"the stored assignment ({string.Join("; ", Lines(stored))}) is not what the draws and recusals give ({string.Join("; ", Lines(replayed))})");
            }

            return new InspectionVerification(task, replayed, problems);
        }
        catch (DrawRefusedException e)
        {
            problems.Add($"a stored recusal does not replay: {e.Message}");
            return new InspectionVerification(task, null, problems);
        }
    }

    /// <summary>An assignment as <c>target: inspector, inspector</c> lines, the form the ledger keeps.</summary>
    public static IReadOnlyList<string> Lines(IEnumerable<TargetAssignment> assignment) =>
        [.. assignment.Select(a => $"{a.Target}: {string.Join(", ", a.Inspectors)}")];
}
