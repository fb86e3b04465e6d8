using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Draws;
using EvidenceVault.Application.Inspections;
using EvidenceVault.Application.PriorDisclosure;
using EvidenceVault.Domain.Draws;
using EvidenceVault.Domain.Inspections;

namespace EvidenceVault.Application.Tests.Fakes;

/// <summary>
/// 双随机 pools and tasks in memory with the store contract's refusals, drawing through <see cref="InMemoryDraws"/> and
/// writing custody to its log; <see cref="Pools"/> and <see cref="Tasks"/> are open to tampering.
/// </summary>
public sealed class InMemoryInspections(InMemoryDraws draws) : IInspectionPoolStore, IInspectionTaskStore
{
    public List<InspectionPool> Pools { get; } = [];

    public Dictionary<InspectionTaskId, InspectionTask> Tasks { get; } = [];

    public List<PublishedInspection> Published { get; } = [];

    private ICustodyLog Log => draws.Log;

    public async Task<InspectionPool> ImportAsync(Func<long, InspectionPool> numbered, Func<InspectionPool, CustodyEntry> custody, CancellationToken cancellationToken)
    {
        var pool = numbered(Pools.Count + 1);
        Pools.Add(pool);
        await Log.AppendAsync(custody(pool), cancellationToken);
        return pool;
    }

    public Task<InspectionPool?> LatestAsync(InspectionPoolKind kind, CancellationToken cancellationToken) => Task.FromResult(Pools.LastOrDefault(p => p.Kind == kind));

    public Task<InspectionPool?> FindAsync(long version, CancellationToken cancellationToken) => Task.FromResult(Pools.FirstOrDefault(p => p.Version == version));

    public async Task<InspectionTask> CreateAsync(
        DrawPlan targets, DrawPlan inspectors, Func<InspectionTaskId, Draw, Draw, InspectionTask> numbered, Func<InspectionTask, CustodyEntry> custody, CancellationToken cancellationToken)
    {
        var targetDraw = await draws.CreateAsync(targets.Numbered, targets.Custody, cancellationToken);
        var inspectorDraw = await draws.CreateAsync(inspectors.Numbered, inspectors.Custody, cancellationToken);
        var task = numbered(new InspectionTaskId(Tasks.Count + 1), targetDraw, inspectorDraw);
        Tasks[task.Id] = task;
        await Log.AppendAsync(custody(task), cancellationToken);
        return task;
    }

    public async Task<bool> RevealAsync(InspectionTaskId id, IReadOnlyList<TargetAssignment> assignment, DateTimeOffset at, CustodyEntry custody, CancellationToken cancellationToken)
    {
        if (Tasks[id].RevealedAt is not null)
        {
            return false;
        }

        Tasks[id] = Tasks[id] with { Assignment = assignment, RevealedAt = at };
        await Log.AppendAsync(custody, cancellationToken);
        return true;
    }

    public async Task RecuseAsync(InspectionTaskId id, int sequence, Recusal recusal, IReadOnlyList<TargetAssignment> assignment, CustodyEntry custody, CancellationToken cancellationToken)
    {
        var task = Tasks[id];
        if (task.PublishedAt is not null || task.Recusals.Count + 1 != sequence)
        {
            throw new InspectionRuleException($"Recusal {sequence} on {id} is refused.");
        }

        Tasks[id] = task with { Recusals = [.. task.Recusals, recusal], Assignment = assignment };
        await Log.AppendAsync(custody, cancellationToken);
    }

    public async Task RecordOutcomeAsync(InspectionTaskId id, InspectionOutcome outcome, IReadOnlyList<CustodyEntry> custody, CancellationToken cancellationToken)
    {
        var task = Tasks[id];
        if (task.PublishedAt is not null || task.Outcomes.Any(o => o.Target == outcome.Target))
        {
            throw new InspectionRuleException($"{outcome.Target} on {id} has its outcome.");
        }

        Tasks[id] = task with { Outcomes = [.. task.Outcomes, outcome] };
        await AppendAsync(custody, cancellationToken);
    }

    public async Task PublishAsync(PublishedInspection published, string publisher, IReadOnlyList<CustodyEntry> custody, CancellationToken cancellationToken)
    {
        var id = InspectionTaskId.Parse(published.Task);
        if (Tasks[id].PublishedAt is not null)
        {
            throw new InspectionRuleException($"{id} is published.");
        }

        Tasks[id] = Tasks[id] with { PublishedBy = publisher, PublishedAt = published.PublishedAt };
        Published.Add(published);
        await AppendAsync(custody, cancellationToken);
    }

    public Task<InspectionTask?> FindAsync(InspectionTaskId id, CancellationToken cancellationToken) => Task.FromResult(Tasks.GetValueOrDefault(id));

    public Task<IReadOnlyList<InspectionTask>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<InspectionTask>>([.. Tasks.Values.Reverse()]);

    private async Task AppendAsync(IReadOnlyList<CustodyEntry> custody, CancellationToken cancellationToken)
    {
        foreach (var entry in custody)
        {
            await Log.AppendAsync(entry, cancellationToken);
        }
    }
}

/// <summary>The 事前公开 data as published, for the task's check that its matter is on the 随机抽查事项清单.</summary>
public sealed class FixedPriorDisclosure(params PriorDisclosureVersion[] versions) : IPriorDisclosureStore
{
    public Task<IReadOnlyList<PriorDisclosureVersion>> VersionsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<PriorDisclosureVersion>>(versions);

    public Task AppendAsync(PriorDisclosureVersion version, IReadOnlyList<CustodyEntry> custody, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task PublishAsync(long version, string publisher, DateTimeOffset at, IReadOnlyList<CustodyEntry> custody, CancellationToken cancellationToken) => throw new NotSupportedException();
}
