using EvidenceVault.Domain.Cases;

namespace EvidenceVault.Application.Disclosure;

/// <summary>How long a published decision stays on the site, per category (section <c>Publication</c>).</summary>
// A class with a settable dictionary, not a record: the configuration binder fills it key by key.
public sealed class PublicationOptions
{
    public const string SectionName = "Publication";

    /// <summary>
    /// Months on display after publication. Defaults follow SAMR order 45 (3 years for penalties) and apply the same
    /// span to licensing; provinces that take natural persons' decisions down sooner set a shorter span here.
    /// </summary>
    public Dictionary<EnforcementType, int> DisplayMonths { get; init; } = new()
    {
        [EnforcementType.Licensing] = 36,
        [EnforcementType.Penalty] = 36,
        [EnforcementType.Coercion] = 12,
        [EnforcementType.LevyExpropriation] = 36,
        [EnforcementType.Inspection] = 12,
        [EnforcementType.Other] = 12,
    };

    /// <summary>
    /// How often the hosts end due display periods and publish the ledger head (key <c>ScheduleInterval</c>); hourly by default, so an
    /// ended period is on record within the hour and the public head is at most an hour behind.
    /// </summary>
    public TimeSpan ScheduleInterval { get; set; } = TimeSpan.FromHours(1);

    public DateTimeOffset DisplayUntil(EnforcementType category, DateTimeOffset publishedAt) =>
        publishedAt.AddMonths(DisplayMonths.TryGetValue(category, out var months) ? months : 12);
}
