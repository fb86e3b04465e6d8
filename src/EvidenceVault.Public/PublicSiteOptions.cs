namespace EvidenceVault.Public;

/// <summary>The public site's limits (section <c>PublicSite</c>).</summary>
public sealed class PublicSiteOptions
{
    public const string SectionName = "PublicSite";

    /// <summary>Requests one client address may make per <see cref="RateWindow"/> before it gets 429.</summary>
    public int RequestsPerWindow { get; set; } = 120;

    public TimeSpan RateWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long browsers and proxies may keep a page without asking again (then they revalidate by ETag).</summary>
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Information requests one client address may submit per <see cref="SubmissionWindow"/>; the form is the site's only write.</summary>
    public int SubmissionsPerWindow { get; set; } = 5;

    public TimeSpan SubmissionWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Status lookups (reference and query code) one client address may make per <see cref="StatusLookupWindow"/>: tight, since each is a guess at a code.</summary>
    public int StatusLookupsPerWindow { get; set; } = 10;

    public TimeSpan StatusLookupWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The largest request body the form accepts (every field at its limit fits with room to spare).</summary>
    public long MaxRequestBytes { get; set; } = 32 * 1024;

    /// <summary>The site's heading, e.g. the agency's name.</summary>
    public string Title { get; set; } = "行政执法公示";
}
