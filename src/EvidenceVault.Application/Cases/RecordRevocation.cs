using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Calendar;
using EvidenceVault.Domain.Cases;
using Mediator;

namespace EvidenceVault.Application.Cases;

/// <summary>
/// Record that a decision was revoked (changed or annulled) on a date, which happened outside EvidenceVault (a review
/// body's ruling, a court): it opens the 3-day takedown clock (行政处罚法 art. 48). Publishing and taking down are not
/// typed dates: they are the site's own steps (approve and withdraw a publication), whose times meet the clocks.
/// </summary>
public sealed record RecordRevocationCommand(CaseNumber Number, DateOnly Date) : ICommand<CaseDecision>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.CaseWork;
}

public sealed class RecordRevocationHandler(ICaseStore cases, CustodyEntries custody) : ICommandHandler<RecordRevocationCommand, CaseDecision>
{
    public async ValueTask<CaseDecision> Handle(RecordRevocationCommand command, CancellationToken cancellationToken)
    {
        await cases.RequireAsync(command.Number, cancellationToken);
        var decision = (await cases.DecisionsAsync(command.Number, cancellationToken)).SingleOrDefault()
            ?? throw new CaseConflictException($"Case {command.Number} has no decision yet; record it with `cases decide` first.");
        if (command.Date < decision.Date)
        {
            throw new FormatException($"A revocation on {command.Date:yyyy-MM-dd} would be before the decision of {decision.Date:yyyy-MM-dd}.");
        }

        if (decision.RevokedOn is { } earlier)
        {
            throw new CaseConflictException($"Case {command.Number}: the decision was already recorded as revoked on {earlier:yyyy-MM-dd}.");
        }

        var number = command.Number;
        var details = new DisclosureRecordedDetails(nameof(DisclosureStep.Revoked), command.Date);
        await cases.RecordDisclosureAsync(
            number,
            DisclosureStep.Revoked,
            command.Date,
            [custody.Entry(number.Value, details), custody.Opened(number, DeadlineEntries.Takedown, DisclosureRules.TakedownDue(command.Date))],
            cancellationToken);
        return decision with { RevokedOn = command.Date };
    }
}
