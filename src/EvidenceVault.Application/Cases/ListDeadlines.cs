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

public sealed record DeadlineItem(CaseNumber Case, string Obligation, DateOnly Due, string Rule, DateOnly? DoneOn, int DaysLate)
{
    public bool IsOpen => DoneOn is null;
}

public sealed class ListDeadlinesHandler(ICaseStore cases, DisclosureRules rules, ICustodyLog log, CustodyEntries custody, TimeProvider time)
    : IQueryHandler<ListDeadlinesQuery, IReadOnlyList<DeadlineItem>>
{
    public async ValueTask<IReadOnlyList<DeadlineItem>> Handle(ListDeadlinesQuery query, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
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
            items.Add(await ItemAsync(decision.Case, DeadlineEntries.Publish, "publish decision", publish, decision.PublishedOn, today, cancellationToken));
            if (decision.RevokedOn is { } revoked)
            {
                var takedown = DisclosureRules.TakedownDue(revoked);
                items.Add(await ItemAsync(decision.Case, DeadlineEntries.Takedown, "take down revoked decision", takedown, decision.TakenDownOn, today, cancellationToken));
            }
        }

        return [.. items.Where(i => !query.OverdueOnly || i.DaysLate > 0).OrderBy(i => i.Due)];
    }

    private async Task<DeadlineItem> ItemAsync(CaseNumber number, string what, string obligation, Deadline deadline, DateOnly? done, DateOnly today, CancellationToken cancellationToken)
    {
        var item = new DeadlineItem(number, obligation, deadline.Due, deadline.Rule, done, DisclosureRules.DaysLate(deadline.Due, done, today));
        if (item.IsOpen && item.DaysLate > 0)
        {
            await log.AppendOnceAsync(custody.Overdue(number, what, deadline), cancellationToken);
        }

        return item;
    }
}
