using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Calendar;
using EvidenceVault.Domain.Cases;
using Mediator;

namespace EvidenceVault.Application.Cases;

/// <summary>Record a case's decision; a major decision needs a prior legal review. The publication deadline opens with it.</summary>
public sealed record DecideCaseCommand(CaseNumber Number, DateOnly Date, string Conclusion, bool IsMajor) : ICommand<CaseDecision>, IRoleRestricted, ICaseChange
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.CaseWork;
}

public sealed class DecideCaseHandler(ICaseStore cases, DisclosureRules rules, CustodyEntries custody) : ICommandHandler<DecideCaseCommand, CaseDecision>
{
    public async ValueTask<CaseDecision> Handle(DecideCaseCommand command, CancellationToken cancellationToken)
    {
        var found = await cases.RequireAsync(command.Number, cancellationToken);
        DecisionRules.EnsureMayDecide(command.Number, command.IsMajor, command.Date, await cases.FindReviewAsync(command.Number, cancellationToken));

        // Computed before anything is written: a decision date outside the loaded calendar years is refused, never guessed.
        var publication = rules.PublicationDue(found.Type, command.Date);
        var decision = new CaseDecision(command.Number, command.Date, command.Conclusion, command.IsMajor, null);
        var details = new CaseDecidedDetails(command.Date, command.Conclusion, command.IsMajor);
        await cases.RecordDecisionAsync(
            decision,
            [custody.Entry(command.Number.Value, details), custody.Opened(command.Number, DeadlineEntries.Publish, publication)],
            cancellationToken);
        return decision;
    }
}
