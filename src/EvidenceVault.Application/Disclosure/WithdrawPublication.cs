using EvidenceVault.Application.Access;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Calendar;
using EvidenceVault.Domain.Disclosure;
using Mediator;

namespace EvidenceVault.Application.Disclosure;

/// <summary>
/// Withdraw a published decision that was revoked, changed or annulled (行政处罚法 art. 48): the site shows it as
/// withdrawn with the reason, and the 3-day takedown clock, from the recorded revocation (or today), is closed.
/// </summary>
public sealed record WithdrawPublicationCommand(long Id, WithdrawalKind Kind, string Reason) : ICommand<PublishedWithdrawal>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Publication;
}

public sealed class WithdrawPublicationHandler(IPublicationStore publications, ICaseStore cases, CustodyEntries custody, StationTimeZone zone)
    : ICommandHandler<WithdrawPublicationCommand, PublishedWithdrawal>
{
    public async ValueTask<PublishedWithdrawal> Handle(WithdrawPublicationCommand command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            throw new FormatException("A withdrawal needs its reason: the site shows it (行政处罚法 art. 48).");
        }

        var draft = await publications.RequireAsync(command.Id, cancellationToken);
        if (draft.Status != PublicationStatus.Published)
        {
            throw new PublicationRuleException($"Publication {draft.Id} is {draft.Status.ToString().ToLowerInvariant()}; only a published decision is withdrawn.");
        }

        var now = custody.Now;
        var today = zone.DayOf(now);
        var revokedOn = (await cases.DecisionsAsync(draft.Case, cancellationToken)).SingleOrDefault()?.RevokedOn;
        var withdrawal = new PublishedWithdrawal(command.Kind, command.Reason.Trim(), now);
        List<CustodyEntry> entries = [custody.Entry(draft.Case.Value, new PublicationWithdrawnDetails(draft.Id, command.Kind, withdrawal.Reason))];
        if (revokedOn is null)
        {
            // No revocation was recorded before: it is recorded now, and its clock opens and closes on the same day.
            entries.Add(custody.Opened(draft.Case, DeadlineEntries.Takedown, DisclosureRules.TakedownDue(today)));
        }

        entries.Add(custody.Closed(draft.Case, DeadlineEntries.Takedown, DisclosureRules.TakedownDue(revokedOn ?? today), today));
        await publications.WithdrawAsync(draft.Id, withdrawal, revokedOn ?? today, today, entries, cancellationToken);
        return withdrawal;
    }
}
