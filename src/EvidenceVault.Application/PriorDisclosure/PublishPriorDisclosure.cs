using EvidenceVault.Application.Access;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Calendar;
using Mediator;

namespace EvidenceVault.Application.PriorDisclosure;

/// <summary>
/// Puts the newest version on the public site; one publish covers every change since the last, and meets (or misses)
/// each of their 15-working-day clocks on the publication day.
/// </summary>
public sealed record PublishPriorDisclosureCommand : ICommand<PriorDisclosureVersion>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Administrators;
}

public sealed class PublishPriorDisclosureHandler(IPriorDisclosureStore store, DisclosureRules rules, CustodyEntries custody, StationTimeZone zone)
    : ICommandHandler<PublishPriorDisclosureCommand, PriorDisclosureVersion>
{
    public async ValueTask<PriorDisclosureVersion> Handle(PublishPriorDisclosureCommand command, CancellationToken cancellationToken)
    {
        var versions = await store.VersionsAsync(cancellationToken);
        var pending = versions.TakeWhile(v => v.PublishedAt is null).ToList();
        if (pending.Count == 0)
        {
            throw new PriorDisclosureRuleException("Nothing to publish: the newest 事前公开 version is already on the site.");
        }

        var now = custody.Now;
        var publishedOn = zone.DayOf(now);
        var newest = pending[0].Number;
        var entries = pending
            .OrderBy(v => v.Number)
            .SelectMany(v => new[]
            {
                custody.Entry(v.Subject, new PriorDisclosurePublishedDetails(v.Number, newest, now)),
                custody.Closed(v.Subject, PriorDisclosureVersions.PublishDeadline, rules.UpdateDue(zone.DayOf(v.EditedAt)), publishedOn),
            })
            .ToList();
        await store.PublishAsync(newest, custody.Actor, now, entries, cancellationToken);
        return pending[0] with { Publisher = custody.Actor, PublishedAt = now };
    }
}
