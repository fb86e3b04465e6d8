using EvidenceVault.Domain.Calendar;
using EvidenceVault.Domain.Cases;
using Mediator;

namespace EvidenceVault.Application.Cases;

/// <summary>Statutory disclosure deadlines of every decision: what is due, when, and how late.</summary>
public sealed record ListDeadlinesQuery(bool OverdueOnly) : IQuery<IReadOnlyList<DeadlineItem>>;

public sealed record DeadlineItem(CaseNumber Case, string Obligation, DateOnly Due, string Rule, DateOnly? DoneOn, int DaysLate)
{
    public bool IsOpen => DoneOn is null;
}

public sealed class ListDeadlinesHandler(ICaseStore cases, DisclosureRules rules, TimeProvider time) : IQueryHandler<ListDeadlinesQuery, IReadOnlyList<DeadlineItem>>
{
    public async ValueTask<IReadOnlyList<DeadlineItem>> Handle(ListDeadlinesQuery query, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var items = new List<DeadlineItem>();
        foreach (var decision in await cases.DecisionsAsync(null, cancellationToken))
        {
            var found = await cases.FindAsync(decision.Case, cancellationToken);
            if (found is null)
            {
                continue;
            }

            var publish = rules.PublicationDue(found.Type, decision.Date);
            items.Add(Item(decision.Case, "publish decision", publish, decision.PublishedOn, today));
            if (decision.RevokedOn is { } revoked)
            {
                items.Add(Item(decision.Case, "take down revoked decision", DisclosureRules.TakedownDue(revoked), decision.TakenDownOn, today));
            }
        }

        return [.. items.Where(i => !query.OverdueOnly || i.DaysLate > 0).OrderBy(i => i.Due)];
    }

    private static DeadlineItem Item(CaseNumber number, string obligation, Deadline deadline, DateOnly? done, DateOnly today) =>
        new(number, obligation, deadline.Due, deadline.Rule, done, DisclosureRules.DaysLate(deadline.Due, done, today));
}
