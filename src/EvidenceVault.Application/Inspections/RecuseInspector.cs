using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Inspections;
using Mediator;

namespace EvidenceVault.Application.Inspections;

/// <summary>
/// An inspector stands down (回避) from a target, with a reason. The replacement is the ranking's next inspector not yet
/// on the target (ev-inspect-1); a replacement named by the person recording it is refused. The current assignment is
/// replayed from the draws and earlier recusals, never read from the stored row, so a planted row cannot steer it.
/// </summary>
public sealed record RecuseInspectorCommand(InspectionTaskId Id, string Target, string Inspector, string Reason, string? NamedReplacement = null)
    : ICommand<Recusal>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Supervision;
}

public sealed class RecuseInspectorHandler(IInspectionTaskStore tasks, InspectionReplay replay, CustodyEntries custody) : ICommandHandler<RecuseInspectorCommand, Recusal>
{
    public async ValueTask<Recusal> Handle(RecuseInspectorCommand command, CancellationToken cancellationToken)
    {
        var task = await tasks.RequireAsync(command.Id, cancellationToken);
        task.RequireAssignment();
        task.EnsureNotPublished();
        var target = command.Target.Trim();
        if (task.Outcomes.Any(o => o.Target == target))
        {
            throw new InspectionRuleException($"{target} already has its outcome on {task.Id}; nobody can stand down from a finished inspection.");
        }

        var verification = await replay.VerifyAsync(task, cancellationToken);
        if (verification.Replayed is not { } current || !verification.Holds)
        {
            throw new InspectionRuleException($"{task.Id} does not verify: {string.Join("; ", verification.Problems)}.");
        }

        var (targets, inspectors) = await replay.DrawsAsync(task, cancellationToken);
        var recusal = InspectionAssignment.Recuse(
            current, InspectionReplay.Outcome(inspectors), task.Recusals, target, command.Inspector.Trim(), command.Reason, command.NamedReplacement, custody.Actor, custody.Now);
        var after = InspectionAssignment.Assign(
            InspectionReplay.Outcome(targets), InspectionReplay.Outcome(inspectors), task.PerTarget, [.. task.Recusals, recusal]);
        await tasks.RecuseAsync(
            task.Id,
            task.Recusals.Count + 1,
            recusal,
            after,
            custody.Entry(task.Subject, new InspectorRecusedDetails(recusal.Target, recusal.Inspector, recusal.Replacement, recusal.Reason)),
            cancellationToken);
        return recusal;
    }
}
