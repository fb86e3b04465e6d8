using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using Mediator;

namespace EvidenceVault.Application.Cases;

/// <summary>Record a case's decision; a major decision needs a prior legal review.</summary>
public sealed record DecideCaseCommand(CaseNumber Number, DateOnly Date, string Conclusion, bool IsMajor) : ICommand<CaseDecision>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.CaseWork;
}

public sealed class DecideCaseHandler(ICaseStore cases, CustodyEntries custody) : ICommandHandler<DecideCaseCommand, CaseDecision>
{
    public async ValueTask<CaseDecision> Handle(DecideCaseCommand command, CancellationToken cancellationToken)
    {
        _ = await cases.RequireAsync(command.Number, cancellationToken);
        DecisionRules.EnsureMayDecide(command.Number, command.IsMajor, command.Date, await cases.FindReviewAsync(command.Number, cancellationToken));
        var decision = new CaseDecision(command.Number, command.Date, command.Conclusion, command.IsMajor, null);
        var details = new { date = command.Date, conclusion = command.Conclusion, major = command.IsMajor };
        await cases.RecordDecisionAsync(decision, custody.Entry(CustodyActions.CaseDecided, command.Number.Value, details), cancellationToken);
        return decision;
    }
}
