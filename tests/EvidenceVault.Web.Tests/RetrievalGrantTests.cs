using System.Globalization;
using EvidenceVault.Api.Tests;
using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using Microsoft.Playwright;

namespace EvidenceVault.Web.Tests;

/// <summary>A retrieval grant's whole life in a real chromium: requested, approved by the right head, used, expired.</summary>
public sealed class RetrievalGrantTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private const string Reviewer = "reviewer";
    private const string OtherHead = "head2";
    private readonly ApiHost _host = new();
    private BrowserSession _browser = default!;
    private string _video = "";

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _browser = new BrowserSession(chromium, _host);
        await _host.SendAsync(new AddUserCommand(new User(UserName.Parse(OtherHead), "二中队长", "二中队", new HashSet<Role> { Role.Officer }, true, false, null, true)));
        foreach (var user in new[] { Reviewer, ApiHost.Leader, OtherHead })
        {
            await _host.SignInAsync(user);
        }

        _video = await TestVideo.IngestAsync(_host, ApiHost.OfficerNumber);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Retrieval_RequestedApprovedViewedThenExpired_AccessEndsInTheBrowser()
    {
        var reviewer = await _browser.SignedInPageAsync(Reviewer);
        var before = await RecordingPageRefusedAsync(reviewer, $"/evidence/{_video}");
        var grant = await RequestAsync(reviewer);

        var wrongHead = await _browser.SignedInPageAsync(OtherHead);
        await wrongHead.GotoAsync("/grants");
        var offeredToWrongHead = await wrongHead.Locator("[data-test=approve]").CountAsync();
        var leader = await _browser.SignedInPageAsync(ApiHost.Leader);
        await leader.GotoAsync("/grants");
        await leader.Locator($"tr[id='{grant}'] [data-test=approve]").ClickAsync();
        var approvedStatus = await leader.TextContentAsync($"tr[id='{grant}'] td:nth-child(6)");

        await reviewer.GotoAsync("/evidence");
        var link = reviewer.Locator("[data-test=recordings] a", new PageLocatorOptions { HasText = _video });
        var href = await link.GetAttributeAsync("href");
        await link.ClickAsync();
        await reviewer.WaitForFunctionAsync("() => document.querySelector('video[data-test=video]')?.readyState >= 1");
        var proxyUnderGrant = await StatusAsync(reviewer, $"/evidence/{_video}/proxy?grant={grant}");

        _host.Time.Advance(TimeSpan.FromDays(3));
        var after = await _browser.SignedInPageAsync(Reviewer);
        var refusedAfter = await RecordingPageRefusedAsync(after, href!);
        var proxyAfter = await StatusAsync(after, $"/evidence/{_video}/proxy?grant={grant}");
        await after.GotoAsync("/evidence");
        var listedAfter = await after.TextContentAsync("[data-test=recordings]");
        await after.GotoAsync("/grants");
        var leftAfter = await after.Locator($"tr[id='{grant}'] strong").CountAsync();

        Assert.True(before);
        Assert.Equal(0, offeredToWrongHead);
        Assert.Contains(ApiHost.Leader, approvedStatus, StringComparison.Ordinal);
        Assert.Equal($"/evidence/{_video}?grant={grant}", href);
        Assert.Equal(200, proxyUnderGrant);
        var custody = await _host.CustodyAsync(_video);
        Assert.Contains(custody, e => e.Action == CustodyActions.Viewed && e.Actor == Reviewer && e.Details.Contains(grant, StringComparison.Ordinal));
        Assert.True(refusedAfter);
        Assert.InRange(proxyAfter, 400, 404);
        Assert.DoesNotContain(_video, listedAfter, StringComparison.Ordinal);
        Assert.Equal(0, leftAfter);
        // The refused proxy and thumbnail requests are the only errors the console may show.
        Assert.DoesNotContain(_browser.Errors, e => !e.StartsWith("Failed to load resource", StringComparison.Ordinal));
    }

    /// <summary>Fills the request form for the video, today and tomorrow (station time), and returns the new request's id.</summary>
    private async Task<string> RequestAsync(IPage page)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_host.Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        await page.GotoAsync("/grants");
        await page.FillAsync("#rq-recordings", _video);
        await page.FillAsync("#rq-purpose", "行政复议审查：核对现场执法过程");
        await page.FillAsync("#rq-from", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.FillAsync("#rq-until", today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.ClickAsync("form:has(#rq-purpose) button[type=submit]");
        var done = await page.TextContentAsync("[data-test=done]");
        var id = await page.Locator("[data-test=retrievals] tbody tr").First.GetAttributeAsync("id");
        Assert.NotNull(id);
        Assert.Contains(id, done, StringComparison.Ordinal);
        return id;
    }

    private static async Task<bool> RecordingPageRefusedAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        return await page.Locator("[data-test=problem]").CountAsync() == 1
            && await page.Locator("video, [data-test=facts]").CountAsync() == 0;
    }

    private static async Task<int> StatusAsync(IPage page, string path)
    {
        var response = await page.APIRequest.GetAsync(path, new APIRequestContextOptions { Headers = new Dictionary<string, string> { ["Range"] = "bytes=0-99" } });
        return response.Status == 206 ? 200 : response.Status;
    }
}
