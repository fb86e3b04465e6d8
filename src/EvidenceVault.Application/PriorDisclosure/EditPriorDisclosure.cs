using EvidenceVault.Application.Access;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Calendar;
using EvidenceVault.Domain.PriorDisclosure;
using Mediator;

namespace EvidenceVault.Application.PriorDisclosure;

/// <summary>
/// Stores the edited 事前公开 data as a new version (the pages and imports both send the whole set), records what changed
/// in the ledger and opens its 15-working-day clock to be on the site.
/// </summary>
public sealed record EditPriorDisclosureCommand(PriorDisclosureSet Data) : ICommand<PriorDisclosureVersion>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Administrators;
}

public sealed class EditPriorDisclosureHandler(IPriorDisclosureStore store, DisclosureRules rules, CustodyEntries custody, StationTimeZone zone)
    : ICommandHandler<EditPriorDisclosureCommand, PriorDisclosureVersion>
{
    public async ValueTask<PriorDisclosureVersion> Handle(EditPriorDisclosureCommand command, CancellationToken cancellationToken)
    {
        var versions = await store.VersionsAsync(cancellationToken);
        var latest = versions.Count > 0 ? versions[0] : null;
        var changes = PriorDisclosureChanges.Between(latest?.Data ?? PriorDisclosureSet.Empty, command.Data);
        if (changes.Count == 0)
        {
            throw new PriorDisclosureRuleException("The edit changes nothing of the 事前公开 data; no version was made.");
        }

        var version = new PriorDisclosureVersion((latest?.Number ?? 0) + 1, command.Data, changes, custody.Actor, custody.Now);
        await store.AppendAsync(
            version,
            [
                custody.Entry(version.Subject, new PriorDisclosureChangedDetails(version.Number, changes)),
                custody.Opened(version.Subject, PriorDisclosureVersions.PublishDeadline, rules.UpdateDue(zone.DayOf(version.EditedAt))),
            ],
            cancellationToken);
        return version;
    }
}
