using EvidenceVault.Application.Cases;
using EvidenceVault.Domain.Calendar;
using EvidenceVault.Domain.Cases;

namespace EvidenceVault.Application.Inspections;

/// <summary>
/// Each task's clock: its results on the site within 20 working days of the first outcome day (an inspection is neither
/// licensing nor penalty), done on the day of the publish.
/// </summary>
public sealed class InspectionDeadlines(IInspectionTaskStore store, DisclosureRules rules, StationTimeZone zone) : IDeadlineSource
{
    /// <summary>The deadline's name in the ledger and the listing.</summary>
    public const string PublishDeadline = "inspection-publish";

    public async Task<IReadOnlyList<TrackedDeadline>> DeadlinesAsync(CancellationToken cancellationToken) =>
        [.. (await store.ListAsync(cancellationToken)).Where(t => t.Outcomes.Count > 0).Select(t => new TrackedDeadline(
            t.Subject,
            PublishDeadline,
            "publish 双随机 inspection results",
            Due(rules, t),
            t.PublishedAt is { } at ? zone.DayOf(at) : null))];

    /// <summary>The clock the first outcome opens.</summary>
    public static Deadline Due(DisclosureRules rules, InspectionTask task) =>
        rules.PublicationDue(EnforcementType.Inspection, task.Outcomes.Min(o => o.Date));
}
