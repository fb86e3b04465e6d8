using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Draws;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Draws;
using EvidenceVault.Domain.Inspections;
using Mediator;

namespace EvidenceVault.Application.Inspections;

/// <summary>
/// Enters the public seed once it is due: reveals both draws through the draw mechanism (which refuses an early seed),
/// computes the ev-inspect-1 assignment and stores it. Refused when a stored pool no longer gives the committed lists.
/// A draw already revealed with the same seed (a reveal cut short) is taken as it is, so the step can be repeated.
/// </summary>
public sealed record RevealInspectionTaskCommand(InspectionTaskId Id, DrawSeed Seed) : ICommand<InspectionTask>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Supervision;
}

public sealed class RevealInspectionTaskHandler(IInspectionTaskStore tasks, InspectionReplay replay, ISender sender, CustodyEntries custody)
    : ICommandHandler<RevealInspectionTaskCommand, InspectionTask>
{
    public async ValueTask<InspectionTask> Handle(RevealInspectionTaskCommand command, CancellationToken cancellationToken)
    {
        var task = await tasks.RequireAsync(command.Id, cancellationToken);
        if (task.RevealedAt is { } revealedAt)
        {
            throw new InspectionRuleException($"{task.Id} was revealed at {revealedAt:yyyy-MM-dd HH:mm zzz}; a task is revealed once.");
        }

        var (targets, inspectors) = await replay.DrawsAsync(task, cancellationToken);
        var problems = await replay.PoolProblemsAsync(task, targets, inspectors, cancellationToken);
        if (problems.Count > 0)
        {
            throw new InspectionRuleException($"{task.Id} cannot be revealed: {string.Join("; ", problems)}.");
        }

        targets = await RevealAsync(targets, command.Seed, cancellationToken);
        inspectors = await RevealAsync(inspectors, command.Seed, cancellationToken);
        var assignment = InspectionAssignment.Assign(InspectionReplay.Outcome(targets), InspectionReplay.Outcome(inspectors), task.PerTarget, []);
        var details = new InspectionTaskRevealedDetails(command.Seed.Value, InspectionAssignment.Version, InspectionReplay.Lines(assignment));
        return await tasks.RevealAsync(task.Id, assignment, custody.Now, custody.Entry(task.Subject, details), cancellationToken)
            ? task with { Assignment = assignment, RevealedAt = custody.Now }
            : throw new InspectionRuleException($"{task.Id} was revealed by someone else a moment ago; a task is revealed once.");
    }

    private async Task<Draw> RevealAsync(Draw draw, DrawSeed seed, CancellationToken cancellationToken) => draw.Reveal switch
    {
        null => await sender.Send(new RevealDrawCommand(draw.Id, seed), cancellationToken),
        { } done when done.Seed == seed => draw,
        { } done => throw new DrawRefusedException($"{draw.Id} was revealed with seed '{done.Seed}', not '{seed}'; a draw is revealed once."),
    };
}
