using EvidenceVault.Application.Access;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Calendar;
using EvidenceVault.Domain.Inspections;
using Mediator;

namespace EvidenceVault.Application.Inspections;

/// <summary>
/// Records the result at one drawn target (what was found, how it was handled, the inspection day), once per target.
/// The first outcome of a task opens its 20-working-day clock to publish the results.
/// </summary>
public sealed record RecordInspectionOutcomeCommand(InspectionTaskId Id, string Target, InspectionResult Result, string Handling, DateOnly Date)
    : ICommand<InspectionOutcome>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Supervision;
}

public sealed class RecordInspectionOutcomeHandler(IInspectionTaskStore tasks, DisclosureRules rules, CustodyEntries custody, StationTimeZone zone)
    : ICommandHandler<RecordInspectionOutcomeCommand, InspectionOutcome>
{
    public async ValueTask<InspectionOutcome> Handle(RecordInspectionOutcomeCommand command, CancellationToken cancellationToken)
    {
        var task = await tasks.RequireAsync(command.Id, cancellationToken);
        var target = command.Target.Trim();
        if (!task.RequireAssignment().Any(a => a.Target == target))
        {
            throw new InspectionRuleException($"{target} was not drawn for {task.Id}; outcomes are recorded only for drawn targets.");
        }

        task.EnsureNotPublished();
        if (string.IsNullOrWhiteSpace(command.Handling))
        {
            throw new FormatException("An inspection outcome needs its handling (处理情况), e.g. 无 or 责令限期整改.");
        }

        if (command.Date > zone.DayOf(custody.Now) || command.Date < zone.DayOf(task.RevealedAt!.Value))
        {
            throw new FormatException($"The inspection day {command.Date:yyyy-MM-dd} must lie between the draw's reveal and today.");
        }

        var outcome = new InspectionOutcome(target, command.Result, command.Handling.Trim(), command.Date, custody.Actor, custody.Now);
        var entries = new List<CustodyEntry>
        {
            custody.Entry(task.Subject, new InspectionOutcomeRecordedDetails(target, InspectionResults.Label(outcome.Result), outcome.Handling, outcome.Date)),
        };
        if (task.Outcomes.Count == 0)
        {
            entries.Add(custody.Opened(task.Subject, InspectionDeadlines.PublishDeadline, InspectionDeadlines.Due(rules, task with { Outcomes = [outcome] })));
        }

        await tasks.RecordOutcomeAsync(task.Id, outcome, entries, cancellationToken);
        return outcome;
    }
}
