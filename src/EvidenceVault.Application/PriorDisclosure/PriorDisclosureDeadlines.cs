using EvidenceVault.Application.Cases;
using EvidenceVault.Domain.Calendar;

namespace EvidenceVault.Application.PriorDisclosure;

/// <summary>Each version's clock: on the site within 15 working days of the change, done on the day a publish covered it.</summary>
public sealed class PriorDisclosureDeadlines(IPriorDisclosureStore store, DisclosureRules rules, StationTimeZone zone) : IDeadlineSource
{
    public async Task<IReadOnlyList<TrackedDeadline>> DeadlinesAsync(CancellationToken cancellationToken) =>
        [.. (await store.VersionsAsync(cancellationToken)).Select(v => new TrackedDeadline(
            v.Subject,
            PriorDisclosureVersions.PublishDeadline,
            "publish 事前公开 change",
            rules.UpdateDue(zone.DayOf(v.EditedAt)),
            v.PublishedAt is { } at ? zone.DayOf(at) : null))];
}
