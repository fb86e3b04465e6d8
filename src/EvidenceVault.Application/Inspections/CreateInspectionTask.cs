using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Draws;
using EvidenceVault.Application.PriorDisclosure;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Draws;
using EvidenceVault.Domain.Inspections;
using Mediator;

namespace EvidenceVault.Application.Inspections;

/// <summary>
/// Creates a 双随机 task for a matter on the published 随机抽查事项清单: commits two draws through the one draw mechanism
/// (the filtered target pool, then the filtered inspector pool) to the same future public seed, and records which pool
/// versions they came from, all in one transaction. The inspector draw ranks the whole list; ev-inspect-1 assigns from that ranking.
/// </summary>
public sealed record CreateInspectionTaskCommand(
    string Matter, PoolFilter Filter, int Targets, int PerTarget, SeedSource SeedSource, DateTimeOffset SeedDueAt) : ICommand<InspectionTask>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Supervision;
}

public sealed class CreateInspectionTaskHandler(IInspectionPoolStore pools, IInspectionTaskStore tasks, IPriorDisclosureStore priorDisclosure, CustodyEntries custody)
    : ICommandHandler<CreateInspectionTaskCommand, InspectionTask>
{
    public async ValueTask<InspectionTask> Handle(CreateInspectionTaskCommand command, CancellationToken cancellationToken)
    {
        var matter = command.Matter.Trim();
        var published = (await priorDisclosure.VersionsAsync(cancellationToken)).FirstOrDefault(v => v.PublishedAt is not null);
        if (published is null || !published.Data.Inspections.Any(i => string.Equals(i.Matter, matter, StringComparison.Ordinal)))
        {
            throw new InspectionRuleException($"'{matter}' is not on the published 随机抽查事项清单; publish it in the 事前公开 data first.");
        }

        if (command.PerTarget < InspectionAssignment.MinimumPerTarget || command.Targets < 1)
        {
            throw new FormatException($"A task draws at least one target and sends at least {InspectionAssignment.MinimumPerTarget} inspectors to each.");
        }

        var targetPool = await pools.RequireIntactAsync((await pools.RequireLatestAsync(InspectionPoolKind.Targets, cancellationToken)).Version, cancellationToken);
        var inspectorPool = await pools.RequireIntactAsync((await pools.RequireLatestAsync(InspectionPoolKind.Inspectors, cancellationToken)).Version, cancellationToken);
        if (!targetPool.Targets.Any(t => command.Filter.Matches(t.Category, t.Area)) || !inspectorPool.Inspectors.Any(i => command.Filter.Matches(i.Category, i.Area)))
        {
            throw new InspectionRuleException($"The task's category and area leave an empty pool (targets v{targetPool.Version}, inspectors v{inspectorPool.Version}).");
        }

        var targets = command.Filter.Targets(targetPool.Targets);
        var inspectors = command.Filter.Inspectors(inspectorPool.Inspectors);
        if (targets.Candidates.Count < command.Targets)
        {
            throw new InspectionRuleException($"The filtered target pool has {targets.Candidates.Count} targets; the task asks for {command.Targets}.");
        }

        if (inspectors.Candidates.Count < command.PerTarget)
        {
            throw new InspectionRuleException($"The filtered inspector pool has {inspectors.Candidates.Count} inspectors; each target needs {command.PerTarget}.");
        }

        var targetDraw = DrawPlan.Of(
            DrawKind.InspectionTargets, $"双随机 检查对象: {matter}", targets, command.SeedSource, DrawQuota.Of(command.Targets), command.SeedDueAt, custody);
        var inspectorDraw = DrawPlan.Of(
            DrawKind.Inspectors,
            $"双随机 执法检查人员: {matter}",
            inspectors,
            command.SeedSource,
            DrawQuota.Of(Math.Min(command.Targets * command.PerTarget, inspectors.Candidates.Count)),
            command.SeedDueAt,
            custody);
        return await tasks.CreateAsync(
            targetDraw,
            inspectorDraw,
            (id, t, i) => new InspectionTask(id, matter, command.Filter, command.Targets, command.PerTarget, targetPool.Version, inspectorPool.Version, t.Id, i.Id, custody.Actor, custody.Now),
            t => custody.Entry(
                t.Subject,
                new InspectionTaskCreatedDetails(
                    t.Matter, t.Filter.Category, t.Filter.Area, t.Targets, t.PerTarget, t.TargetPool, t.InspectorPool, t.TargetDraw.ToString(), t.InspectorDraw.ToString(), command.SeedSource.Name)),
            cancellationToken);
    }
}
