using System.Threading.RateLimiting;
using EvidenceVault.Application.Disclosure;
using EvidenceVault.Application.Inspections;
using Microsoft.Extensions.Options;

namespace EvidenceVault.Public;

/// <summary>
/// The anonymous, read-only disclosure site (<c>evidencevault public</c>): static HTML and feeds over the published
/// projection only, and the information request form, its one write. Its own process and port; every client address rate-limited.
/// </summary>
public static class PublicSite
{
    public const string DefaultUrl = "http://127.0.0.1:5090";
    private const string Html = "text/html; charset=utf-8";
    private const string RatePolicy = "per-client";

    /// <summary>The site; <paramref name="addProjection"/> registers <see cref="IPublishedDisclosures"/>, <see cref="IPublishedInspections"/>, the request intake and status lookup, and <see cref="TimeProvider"/>, its only services.</summary>
    public static WebApplication Build(IReadOnlyList<string> urls, Action<IServiceCollection> addProjection, TimeZoneInfo zone, Action<PublicSiteOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls([.. urls.Count == 0 ? [DefaultUrl] : urls]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        addProjection(builder.Services);
        builder.Services.AddOptions<PublicSiteOptions>().Configure(o => configure?.Invoke(o));
        builder.Services.AddAntiforgery(o => o.Cookie.Name = "ev-form");
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = ((int)Options(context.HttpContext).RateWindow.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(RatePolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Options(context).RequestsPerWindow, Window = Options(context).RateWindow, QueueLimit = 0 }));
            RequestEndpoints.AddSubmitLimit(limiter);
            RequestEndpoints.AddStatusLimit(limiter);
        });

        var app = builder.Build();
        app.Use((context, next) =>
        {
            CachedResponse.Harden(context.Response.Headers);
            return next(context);
        });
        app.UseRateLimiter();
        var site = app.MapGroup(string.Empty).RequireRateLimiting(RatePolicy);
        site.MapGet("/", () => Results.Redirect("/decisions"));
        site.MapGet("/decisions", ListAsync);
        site.MapGet("/decisions/{id:long}", DetailAsync);
        site.MapGet("/feeds/decisions.atom", (HttpContext c, IPublishedDisclosures p, TimeProvider t, CancellationToken ct) =>
            FeedAsync(c, p, t, "application/atom+xml; charset=utf-8", d => DecisionFeeds.Atom(Options(c).Title, BaseUri(c), d), ct));
        site.MapGet("/feeds/decisions.json", (HttpContext c, IPublishedDisclosures p, TimeProvider t, CancellationToken ct) =>
            FeedAsync(c, p, t, "application/json; charset=utf-8", DecisionFeeds.JsonList, ct));
        site.MapGet("/feeds/decisions.csv", (HttpContext c, IPublishedDisclosures p, TimeProvider t, CancellationToken ct) =>
            FeedAsync(c, p, t, "text/csv; charset=utf-8", DecisionFeeds.Csv, ct));
        site.MapGet("/inspections", async (HttpContext c, IPublishedInspections p, CancellationToken ct) =>
            CachedResponse.Of(InspectionPages.List(Options(c).Title, await p.ListAsync(ct), zone), Html, Options(c).CacheFor));
        site.MapGet("/inspections/{task}", async (string task, HttpContext c, IPublishedInspections p, CancellationToken ct) =>
            await p.FindAsync(task, ct) is { } found
                ? CachedResponse.Of(InspectionPages.Detail(Options(c).Title, found, zone), Html, Options(c).CacheFor)
                : Results.Content(PublicHtml.Page(Options(c).Title, "未找到", "<p>该抽查任务不存在或尚未公开。</p>"), Html, statusCode: 404));
        site.MapGet("/ledger-heads", async (HttpContext c, IPublishedDisclosures p, CancellationToken ct) =>
            CachedResponse.Of(LedgerHeadsPage.Render(Options(c).Title, await p.CheckpointsAsync(100, ct), zone), Html, Options(c).CacheFor));
        foreach (var (path, _) in PriorDisclosurePages.All)
        {
            site.MapGet(path, (HttpContext c, IPublishedDisclosures p, CancellationToken ct) => PriorDisclosureAsync(c, p, path, zone, ct));
        }

        RequestEndpoints.Map(site);
        site.MapGet("/feeds/ledger-heads.json", async (HttpContext c, IPublishedDisclosures p, CancellationToken ct) =>
            CachedResponse.Of(DecisionFeeds.JsonHeads(await p.CheckpointsAsync(100, ct)), "application/json; charset=utf-8", Options(c).CacheFor));
        return app;

        async Task<IResult> ListAsync(HttpContext context, IPublishedDisclosures published, TimeProvider time, CancellationToken cancellationToken)
        {
            var (filter, error) = DecisionQuery.Parse(context.Request.Query);
            if (filter is null)
            {
                return Results.Content(PublicHtml.Page(Options(context).Title, "查询条件有误", $"<p>{PublicHtml.E(error)}</p><p><a href=\"/decisions\">返回列表</a></p>"), Html, statusCode: 400);
            }

            var found = await published.SearchAsync(filter, time.GetUtcNow(), cancellationToken);
            return CachedResponse.Of(DecisionPages.List(Options(context).Title, filter, found, zone), Html, Options(context).CacheFor);
        }

        async Task<IResult> DetailAsync(long id, HttpContext context, IPublishedDisclosures published, TimeProvider time, CancellationToken cancellationToken) =>
            await published.FindAsync(id, time.GetUtcNow(), cancellationToken) is { } decision
                ? CachedResponse.Of(DecisionPages.Detail(Options(context).Title, decision, zone), Html, Options(context).CacheFor)
                : Results.Content(PublicHtml.Page(Options(context).Title, "未找到", "<p>该公开信息不存在或已结束公示期。</p>"), Html, statusCode: 404);
    }

    private static async Task<IResult> PriorDisclosureAsync(HttpContext context, IPublishedDisclosures published, string path, TimeZoneInfo zone, CancellationToken cancellationToken) =>
        await published.PriorDisclosureAsync(cancellationToken) is { } data
            ? CachedResponse.Of(PriorDisclosurePages.Render(Options(context).Title, path, data, zone), Html, Options(context).CacheFor)
            : Results.Content(PublicHtml.Page(Options(context).Title, PriorDisclosurePages.Title(path), "<p>事前公开信息尚未发布。</p>"), Html, statusCode: 404);

    private static async Task<IResult> FeedAsync(HttpContext context, IPublishedDisclosures published, TimeProvider time, string contentType, Func<IReadOnlyList<PublishedDecision>, string> render, CancellationToken cancellationToken) =>
        CachedResponse.Of(render(await published.SearchAsync(new PublishedDecisionFilter(), time.GetUtcNow(), cancellationToken)), contentType, Options(context).CacheFor);

    private static PublicSiteOptions Options(HttpContext context) => context.RequestServices.GetRequiredService<IOptions<PublicSiteOptions>>().Value;

    private static Uri BaseUri(HttpContext context) => new($"{context.Request.Scheme}://{context.Request.Host}/");
}
