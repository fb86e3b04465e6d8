using System.Globalization;
using EvidenceVault.Testing.Browser;
using Microsoft.Playwright;

namespace EvidenceVault.Public.Tests;

/// <summary>The public site as a member of the public meets it: Debian's chromium, no sign-in, every page's DOM.</summary>
public sealed class PublicSiteBrowserTests(PublicSiteHost host, Chromium chromium) : IClassFixture<PublicSiteHost>, IClassFixture<Chromium>, IAsyncLifetime
{
    // The only places a public link may lead: the published projections (事前公开, 事后公开 and 双随机 results), their feeds and the ledger heads.
    private static readonly string[] PriorDisclosurePaths = ["/agency", "/officers", "/matters", "/random-inspections", "/guides", "/channels"];
    private static readonly string[] PublicPaths = ["/decisions", "/inspections", "/ledger-heads", "/feeds/decisions.", "/feeds/ledger-heads.json", "/requests/status", .. PriorDisclosurePaths];

    private IBrowserContext _context = default!;
    private IPage _page = default!;

    public async Task InitializeAsync()
    {
        _context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.Client.BaseAddress!.ToString().TrimEnd('/'), Locale = "zh-CN" });
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task List_HomePage_ChineseListWithMaskedPartyAndNoOriginalInTheDom()
    {
        await _page.GotoAsync("/");

        Assert.EndsWith("/decisions", _page.Url, StringComparison.Ordinal);
        Assert.Equal("zh-CN", await _page.GetAttributeAsync("html", "lang"));
        Assert.Contains("事后公开", await _page.TitleAsync(), StringComparison.Ordinal);
        var parties = await _page.Locator("tbody tr td:nth-child(3)").AllTextContentsAsync();
        Assert.Contains("王某某", parties);
        await AssertNothingUnmaskedAsync();
    }

    [Fact]
    public async Task Search_ByDocumentNumberThroughTheForm_OnlyThatDecision()
    {
        await _page.GotoAsync("/decisions");

        await _page.FillAsync("input[name=number]", "〔2025〕18");
        await _page.ClickAsync("button[type=submit]");
        await _page.WaitForURLAsync("**/decisions?*");

        var numbers = await _page.Locator("tbody tr td:first-child a").AllTextContentsAsync();
        Assert.Equal(["宁鼓市监罚〔2025〕18号"], numbers);
        await AssertNothingUnmaskedAsync();
    }

    [Fact]
    public async Task Detail_FollowedFromTheList_MaskedIdPhoneAndNamesAndNoOriginalInTheDom()
    {
        await _page.GotoAsync("/decisions");

        await _page.ClickAsync("a:has-text('宁鼓市监罚〔2025〕18号')");
        await _page.WaitForURLAsync($"**/decisions/{host.PublishedId}");

        var text = await _page.InnerTextAsync("main");
        Assert.Contains("王某某", text, StringComparison.Ordinal);
        Assert.Contains("李某", text, StringComparison.Ordinal);
        Assert.Contains("320106************", text, StringComparison.Ordinal);
        Assert.Contains("138****5678", text, StringComparison.Ordinal);
        Assert.Contains("行政处罚", text, StringComparison.Ordinal);
        await AssertNothingUnmaskedAsync();
    }

    [Fact]
    public async Task Detail_WithdrawnDecision_ShownWithdrawnWithReasonWithinThreeDays()
    {
        var withdrawnAt = host.Time.GetUtcNow();

        await _page.GotoAsync($"/decisions/{host.WithdrawnId}");

        var notice = await _page.InnerTextAsync(".withdrawn");
        Assert.Contains("已撤销", notice, StringComparison.Ordinal);
        Assert.Contains(PublicSiteHost.WithdrawalReason, notice, StringComparison.Ordinal);
        // The notice carries the station-time moment of withdrawal: the 3-day takedown clock is met by that moment.
        var shown = DateTime.ParseExact(notice[(notice.IndexOf('（', StringComparison.Ordinal) + 1)..notice.IndexOf('）', StringComparison.Ordinal)], "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var station = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var shownUtc = new DateTimeOffset(shown, station.GetUtcOffset(shown));
        Assert.InRange(shownUtc, withdrawnAt.AddDays(-3), withdrawnAt);
        var status = await _page.Locator("tbody tr").AllInnerTextsAsync();
        Assert.DoesNotContain(status, s => s.Contains("公开中", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Crawl_EverySameOriginLinkFromTheHomePage_OnlyPublishedProjectionAndNothingUnmasked()
    {
        var origin = new Uri(host.Client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var queue = new Queue<string>(["/"]);
        while (queue.TryDequeue(out var path))
        {
            var response = await _context.APIRequest.GetAsync(path);
            Assert.True(response.Ok, $"{path} answered {response.Status}");
            var body = await response.TextAsync();
            AssertNoneUnmaskedIn(path, body);
            if (!response.Headers["content-type"].StartsWith("text/html", StringComparison.Ordinal))
            {
                continue;
            }

            await _page.GotoAsync(path);
            await AssertNothingUnmaskedAsync();
            var hrefs = await _page.EvalOnSelectorAllAsync<string[]>("a[href], link[href], form[action]", "es => es.map(e => e.href || e.action)");
            foreach (var link in hrefs.Select(h => new Uri(h)).Where(u => u.GetLeftPart(UriPartial.Authority) == origin.GetLeftPart(UriPartial.Authority)))
            {
                Assert.True(PublicPaths.Any(p => link.AbsolutePath.StartsWith(p, StringComparison.Ordinal)), $"{path} links to {link.PathAndQuery}");
                if (seen.Add(link.PathAndQuery))
                {
                    queue.Enqueue(link.PathAndQuery);
                }
            }
        }

        Assert.Contains($"/decisions/{host.PublishedId}", seen);
        Assert.Contains($"/decisions/{host.WithdrawnId}", seen);
        Assert.Contains("/ledger-heads", seen);
        Assert.All(PriorDisclosurePaths, p => Assert.Contains(p, seen));
        Assert.DoesNotContain($"/decisions/{host.DraftId}", seen);
    }

    private async Task AssertNothingUnmaskedAsync() => AssertNoneUnmaskedIn(_page.Url, await _page.ContentAsync());

    private static void AssertNoneUnmaskedIn(string where, string dom)
    {
        foreach (var secret in PublicSiteHost.Unmasked)
        {
            Assert.False(dom.Contains(secret, StringComparison.Ordinal), $"{where} shows the unmasked {secret}");
        }
    }
}
