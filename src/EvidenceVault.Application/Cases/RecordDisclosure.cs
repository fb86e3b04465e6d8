using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using Mediator;

namespace EvidenceVault.Application.Cases;

/// <summary>Record that a decision was published, revoked, or taken down after revocation, on a date.</summary>
public sealed record RecordDisclosureCommand(CaseNumber Number, DisclosureStep Step, DateOnly Date) : ICommand<CaseDecision>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.CaseWork;
}

public sealed class RecordDisclosureHandler(ICaseStore cases, CustodyEntries custody) : ICommandHandler<RecordDisclosureCommand, CaseDecision>
{
    public async ValueTask<CaseDecision> Handle(RecordDisclosureCommand command, CancellationToken cancellationToken)
    {
        var decision = (await cases.DecisionsAsync(command.Number, cancellationToken)).SingleOrDefault()
            ?? throw new CaseConflictException($"Case {command.Number} has no decision yet; record it with `cases decide` first.");
        if (command.Date < decision.Date)
        {
            throw new CaseConflictException($"{command.Step} on {command.Date:yyyy-MM-dd} would be before the decision of {decision.Date:yyyy-MM-dd}.");
        }

        if (command.Step == DisclosureStep.TakenDown && decision.RevokedOn is null)
        {
            throw new CaseConflictException($"Case {command.Number}: only a revoked decision is taken down (record the revocation first).");
        }

        var details = new { step = command.Step.ToString(), date = command.Date };
        await cases.RecordDisclosureAsync(command.Number, command.Step, command.Date, custody.Entry(CustodyActions.DisclosureRecorded, command.Number.Value, details), cancellationToken);
        return command.Step switch
        {
            DisclosureStep.Published => decision with { PublishedOn = command.Date },
            DisclosureStep.Revoked => decision with { RevokedOn = command.Date },
            _ => decision with { TakenDownOn = command.Date },
        };
    }
}
