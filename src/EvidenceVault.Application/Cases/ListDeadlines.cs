using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Calendar;
using EvidenceVault.Domain.Cases;
using Mediator;

namespace EvidenceVault.Application.Cases;

/// <summary>
/// Statutory disclosure deadlines of every decision (or of one case's): what is due, when, and how late. The first listing that finds an
/// open deadline past due writes a <c>deadline.overdue</c> custody entry for it; later listings do not repeat it.
/// </summary>
public sealed record ListDeadlinesQuery(bool OverdueOnly, CaseNumber? Case = null) : IQuery<IReadOnlyList<DeadlineItem>>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Everyone;
}

/// <summary>A deadline as listed: <paramref name="Subject"/> is the case number or another source's reference; <see cref="Case"/> is set for a case's own.</summary>
public sealed record DeadlineItem(string Subject, string Obligation, DateOnly Due, string Rule, DateOnly? DoneOn, int DaysLate)
{
    /// <summary>Counted over a year without official holiday data (see <see cref="Deadline.Provisional"/>).</summary>
    public bool Provisional { get; init; }

    public CaseNumber? Case { get; init; }

    public bool IsOpen => DoneOn is null;
}

public sealed class ListDeadlinesHandler(
    ICaseStore cases,
    IEnumerable<IDeadlineSource> sources,
    DisclosureRules rules,
    ICustodyLog log,
    CustodyEntries custody,
    StationTimeZone zone,
    TimeProvider time)
    : IQueryHandler<ListDeadlinesQuery, IReadOnlyList<DeadlineItem>>
{
    public async ValueTask<IReadOnlyList<DeadlineItem>> Handle(ListDeadlinesQuery query, CancellationToken cancellationToken)
    {
        var today = zone.DayOf(time.GetUtcNow());
        var items = new List<DeadlineItem>();
        // One case's page asks for its own: reading every decision (and its case) per page view grew with the catalog.
        foreach (var decision in await cases.DecisionsAsync(query.Case, cancellationToken))
        {
            var found = await cases.FindAsync(decision.Case, cancellationToken);
            if (found is null)
            {
                continue;
            }

            var publish = rules.PublicationDue(found.Type, decision.Date);
            items.Add(await ItemAsync(new(decision.Case.Value, DeadlineEntries.Publish, "publish decision", publish, decision.PublishedOn), today, cancellationToken) with { Case = decision.Case });
            if (decision.RevokedOn is { } revoked)
            {
                var takedown = DisclosureRules.TakedownDue(revoked);
                items.Add(await ItemAsync(new(decision.Case.Value, DeadlineEntries.Takedown, "take down revoked decision", takedown, decision.TakenDownOn), today, cancellationToken) with { Case = decision.Case });
            }
        }

        // Other sources' clocks belong to no case, so one case's page does not list them.
        if (query.Case is null)
        {
            foreach (var source in sources)
            {
                foreach (var tracked in await source.DeadlinesAsync(cancellationToken))
                {
                    items.Add(await ItemAsync(tracked, today, cancellationToken));
                }
            }
        }

        return [.. items.Where(i => !query.OverdueOnly || i.DaysLate > 0).OrderBy(i => i.Due)];
    }

    private async Task<DeadlineItem> ItemAsync(TrackedDeadline tracked, DateOnly today, CancellationToken cancellationToken)
    {
        var deadline = tracked.Deadline;
        var item = new DeadlineItem(tracked.Subject, tracked.Obligation, deadline.Due, deadline.Rule, tracked.DoneOn, DisclosureRules.DaysLate(deadline.Due, tracked.DoneOn, today))
        {
            Provisional = deadline.Provisional,
        };
        if (item.IsOpen && item.DaysLate > 0)
        {
            await log.AppendOnceAsync(custody.Overdue(tracked.Subject, tracked.What, deadline), cancellationToken);
        }

        return item;
    }
}
