using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Calendar;
using EvidenceVault.Domain.Cases;
using Mediator;

namespace EvidenceVault.Application.Cases;

/// <summary>
/// Record that a decision was published, revoked, or taken down after revocation, on a date. A revocation opens the
/// takedown deadline; publishing and taking down close theirs as met or missed.
/// </summary>
public sealed record RecordDisclosureCommand(CaseNumber Number, DisclosureStep Step, DateOnly Date) : ICommand<CaseDecision>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.CaseWork;
}

public sealed class RecordDisclosureHandler(ICaseStore cases, DisclosureRules rules, CustodyEntries custody) : ICommandHandler<RecordDisclosureCommand, CaseDecision>
{
    public async ValueTask<CaseDecision> Handle(RecordDisclosureCommand command, CancellationToken cancellationToken)
    {
        var found = await cases.RequireAsync(command.Number, cancellationToken);
        var decision = (await cases.DecisionsAsync(command.Number, cancellationToken)).SingleOrDefault()
            ?? throw new CaseConflictException($"Case {command.Number} has no decision yet; record it with `cases decide` first.");
        if (command.Date < decision.Date)
        {
            throw new FormatException($"{command.Step} on {command.Date:yyyy-MM-dd} would be before the decision of {decision.Date:yyyy-MM-dd}.");
        }

        if (command.Step == DisclosureStep.TakenDown && decision.RevokedOn is null)
        {
            throw new CaseConflictException($"Case {command.Number}: only a revoked decision is taken down (record the revocation first).");
        }

        var number = command.Number;
        var deadline = command.Step switch
        {
            DisclosureStep.Published => custody.Closed(number, DeadlineEntries.Publish, rules.PublicationDue(found.Type, decision.Date), command.Date),
            DisclosureStep.Revoked => custody.Opened(number, DeadlineEntries.Takedown, DisclosureRules.TakedownDue(command.Date)),
            _ => custody.Closed(number, DeadlineEntries.Takedown, DisclosureRules.TakedownDue(decision.RevokedOn!.Value), command.Date),
        };
        var details = new DisclosureRecordedDetails(command.Step.ToString(), command.Date);
        await cases.RecordDisclosureAsync(number, command.Step, command.Date, [custody.Entry(number.Value, details), deadline], cancellationToken);
        return command.Step switch
        {
            DisclosureStep.Published => decision with { PublishedOn = command.Date },
            DisclosureStep.Revoked => decision with { RevokedOn = command.Date },
            _ => decision with { TakenDownOn = command.Date },
        };
    }
}
