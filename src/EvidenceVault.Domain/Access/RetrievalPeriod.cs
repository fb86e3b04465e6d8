namespace EvidenceVault.Domain.Access;

/// <summary>The half-open span [From, Until) in which a grant gives access.</summary>
public sealed record RetrievalPeriod(DateTimeOffset From, DateTimeOffset Until)
{
    public bool Contains(DateTimeOffset now) => From <= now && now < Until;

    /// <summary>
    /// Whole calendar days, both included, in the agency's zone: a grant "until 3 March" lasts to the end of
    /// 3 March there, not to midnight UTC.
    /// </summary>
    public static RetrievalPeriod OfDays(DateOnly from, DateOnly until, TimeZoneInfo zone)
    {
        if (until < from)
        {
            throw new FormatException($"The retrieval period ends ({until:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).");
        }

        return new RetrievalPeriod(StartOf(from, zone), StartOf(until.AddDays(1), zone));
    }

    /// <summary>
    /// Refuses a period that ends before <paramref name="now"/> (a grant that could only ever be looked back on)
    /// or that is longer than <paramref name="maxDays"/> whole days: access is granted for a bounded time.
    /// </summary>
    public RetrievalPeriod EnsureBounded(DateTimeOffset now, int maxDays)
    {
        if (Until <= now)
        {
            throw new FormatException($"The retrieval period ended {Until:yyyy-MM-dd HH:mm zzz}, before now; a grant is for access from now on.");
        }

        var days = (int)Math.Round((Until - From).TotalDays);
        return days > maxDays
            ? throw new FormatException($"The retrieval period is {days} days; a grant lasts at most {maxDays} days (a longer need is a new request when this one ends).")
            : this;
    }

    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
