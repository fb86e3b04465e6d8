using System.Security.Cryptography;
using Deque.AxeCore.Playwright;
using EvidenceVault.Api.Tests;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EvidenceVault.Web.Tests;

/// <summary>The web app in a real chromium: sign-in, every page under axe-core, and the player on a real proxy.</summary>
public sealed class BrowserTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private const string CaseNumber = "京城管罚〔2026〕17号";
    private readonly ApiHost _host = new();
    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<string> _consoleErrors = [];
    private string _video = "";

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        foreach (var user in new[] { ApiHost.Actor, ApiHost.Administrator })
        {
            await _host.SignInAsync(user);
        }

        _video = await TestVideo.IngestAsync(_host, ApiHost.OfficerNumber);
        await _host.SendAsync(new CreateCaseCommand(Domain.Cases.CaseNumber.Parse(CaseNumber), EnforcementType.Penalty, "某某餐饮有限公司", "占道经营", [ApiHost.OfficerNumber]));
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        await _host.DisposeAsync();
    }

    [Fact]
    public async Task SignIn_InTheBrowser_ReturnsToTheRequestedPageAsTheUser()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/evidence");
        await page.FillAsync("#user", ApiHost.Actor);
        await page.FillAsync("#password", ApiHost.PasswordOf(ApiHost.Actor));
        await page.ClickAsync("button[type=submit]");

        Assert.EndsWith("/evidence", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Contains(ApiHost.Actor, await page.TextContentAsync("[data-test=signed-in-user]"), StringComparison.Ordinal);
        Assert.Contains(_video, await page.TextContentAsync("[data-test=recordings]"), StringComparison.Ordinal);
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task SignIn_WrongPassword_AnnouncesTheRefusal()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.FillAsync("#user", ApiHost.Actor);
        await page.FillAsync("#password", "not-the-password-at-all");
        await page.ClickAsync("button[type=submit]");

        Assert.Equal("sign-in-failed", await page.GetAttributeAsync("[role=alert]", "data-code"));
        Assert.EndsWith("/sign-in", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", ApiHost.Actor)]
    [InlineData("/evidence", ApiHost.Actor)]
    [InlineData("/evidence/{video}", ApiHost.Actor)]
    [InlineData("/case-files", ApiHost.Actor)]
    [InlineData("/case-files/{case}", ApiHost.Actor)]
    [InlineData("/grants", ApiHost.Actor)]
    [InlineData("/upload", ApiHost.Actor)]
    [InlineData("/", ApiHost.Administrator)]
    [InlineData("/archive", ApiHost.Administrator)]
    [InlineData("/admin", ApiHost.Administrator)]
    public async Task Page_UnderAxe_HasNoSeriousOrCriticalViolations(string path, string user)
    {
        var page = await SignedInPageAsync(user);
        await page.GotoAsync(path.Replace("{video}", _video, StringComparison.Ordinal).Replace("{case}", Uri.EscapeDataString(CaseNumber), StringComparison.Ordinal));

        var result = await page.RunAxe();

        Assert.NotEmpty(result.Passes);
        Assert.Empty(result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}"));
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task SignInPage_UnderAxe_HasNoSeriousOrCriticalViolationsInEitherLanguage()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/sign-in");
        var chinese = await page.RunAxe();
        await page.ClickAsync("a.lang");
        var english = await page.RunAxe();

        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.NotEmpty(chinese.Passes);
        Assert.Empty(chinese.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id));
        Assert.Empty(english.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id));
    }

    [Fact]
    public async Task Player_RealProxy_SeeksByRangeStepsFramesChangesSpeedShowsTheRecorderClockAndMarks()
    {
        var page = await SignedInPageAsync(ApiHost.Actor);
        var ranged = new List<int>();
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("/proxy", StringComparison.Ordinal))
            {
                ranged.Add(response.Status);
            }
        };
        await page.GotoAsync($"/evidence/{_video}");
        await page.WaitForFunctionAsync("() => document.querySelector('video').readyState >= 1");

        var seeked = await page.EvaluateAsync<double>("""
            async () => {
              const v = document.querySelector('video');
              await new Promise(done => { v.addEventListener('seeked', done, { once: true }); v.currentTime = 1.5; });
              return v.currentTime;
            }
            """);
        await page.SelectOptionAsync("[data-speed]", "2");

        // Focus and key press as one step on the video: a separate focus could be lost to the speed list before the key.
        await page.PressAsync("video", ".");
        await page.WaitForFunctionAsync("() => document.querySelector('video').currentTime > 1.5");
        var rate = await page.EvaluateAsync<double>("() => document.querySelector('video').playbackRate");
        var clock = await page.TextContentAsync("[data-wall-clock]");
        var markerAt = double.Parse(await page.InputValueAsync("#marker-at"), System.Globalization.CultureInfo.InvariantCulture);
        await page.FillAsync("#marker-note", "执法人员出示证件");
        await page.ClickAsync("[data-marker-form] button[type=submit]");
        await page.WaitForSelectorAsync("[data-test=markers] [data-seek]");
        await page.WaitForFunctionAsync("() => document.querySelector('video').readyState >= 1");
        await page.ClickAsync("[data-test=markers] [data-seek]");
        await page.WaitForFunctionAsync($"() => Math.abs(document.querySelector('video').currentTime - {markerAt.ToString(System.Globalization.CultureInfo.InvariantCulture)}) < 0.01");

        Assert.Equal(1.5, seeked, 1);
        Assert.Equal(2, rate);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}", clock);
        Assert.Contains(206, ranged);
        Assert.InRange(markerAt, 1.5, 2.0);
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task Player_HoverAndFocusThePreviewStrip_ShowTheTileOfTheSpriteServedAtPreviewJpg()
    {
        var page = await SignedInPageAsync(ApiHost.Actor);
        var sprites = new List<(string Path, int Status, byte[] Body)>();
        page.Response += async (_, response) =>
        {
            if (response.Url.Contains("/preview.jpg", StringComparison.Ordinal))
            {
                sprites.Add((new Uri(response.Url).AbsolutePath, response.Status, await response.BodyAsync()));
            }
        };
        await page.GotoAsync($"/evidence/{_video}");
        var strip = page.Locator("[data-test=preview-strip]");
        var box = (await strip.BoundingBoxAsync())!;

        // 4 s at one tile a second: 80 % of the way along is 3.2 s, the fourth tile, 480 px into the sheet.
        await strip.HoverAsync(new LocatorHoverOptions { Position = new Position { X = box.Width * 0.8f, Y = box.Height / 2 } });
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('[data-preview-image]'); return i.complete && i.naturalWidth > 0 && !i.closest('[data-preview-tile]').hidden; }");
        var hovered = await PreviewAsync(page);
        await page.Mouse.MoveAsync(0, 0);
        await strip.FocusAsync();
        await page.Keyboard.PressAsync("Home");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-preview-image]').style.left === '0px'");
        var focused = await PreviewAsync(page);

        var recording = await _host.Services.GetRequiredService<ICatalog>().FindAsync(RecordingId.Parse(_video), CancellationToken.None);
        var (path, status, body) = Assert.Single(sprites);
        Assert.Equal(($"/evidence/{_video}/preview.jpg", 200), (path, status));
        Assert.Equal(recording!.Sprite!.Sha256.Hex, Convert.ToHexStringLower(SHA256.HashData(body)));
        Assert.Equal(($"/evidence/{_video}/preview.jpg", 640, "-480px", "160px", true), hovered);
        Assert.Equal(("0px", true), (focused.Left, focused.Visible));
        Assert.Equal("00:00:00", await strip.GetAttributeAsync("aria-valuetext"));
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task Player_RecordingFromBeforePreviews_NoStripNoPreviewRequestsNoErrors()
    {
        await _host.EditCatalogAsync($"UPDATE recordings SET sprite_sha256 = NULL, sprite_bytes = NULL, sprite_cues_sha256 = NULL, sprite_cues_bytes = NULL WHERE id = '{_video}'");
        var page = await SignedInPageAsync(ApiHost.Actor);
        var previews = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/preview.", StringComparison.Ordinal))
            {
                previews.Add(request.Url);
            }
        };

        await page.GotoAsync($"/evidence/{_video}");
        await page.WaitForFunctionAsync("() => document.querySelector('video').readyState >= 1");

        Assert.Equal(0, await page.Locator("[data-preview]").CountAsync());
        Assert.False(await page.Locator(".player-controls").IsHiddenAsync());
        Assert.Empty(previews);
        Assert.Empty(_consoleErrors);
    }

    private static async Task<(string Path, int Width, string Left, string TileWidth, bool Visible)> PreviewAsync(IPage page)
    {
        var shown = await page.EvaluateAsync<string[]>("""
            () => {
              const image = document.querySelector('[data-preview-image]');
              const tile = image.closest('[data-preview-tile]');
              return [new URL(image.currentSrc).pathname, String(image.naturalWidth), image.style.left, tile.style.width, String(!tile.hidden && tile.getBoundingClientRect().width > 0)];
            }
            """);
        return (shown[0], int.Parse(shown[1], System.Globalization.CultureInfo.InvariantCulture), shown[2], shown[3], shown[4] == "true");
    }

    [Fact]
    public async Task IdleSession_WarnsAMinuteBeforeTheEndAndStayingKeepsItAlive()
    {
        var page = await SignedInPageAsync(ApiHost.Actor);
        await page.Clock.InstallAsync();
        await page.GotoAsync("/evidence");
        var banner = page.Locator("[data-idle-warning]");

        var hiddenAtFirst = await banner.IsHiddenAsync();
        await page.Clock.FastForwardAsync("29:01");
        await banner.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        var keepAlive = await page.RunAndWaitForResponseAsync(() => banner.Locator("button").ClickAsync(), "**/session/keep-alive");
        await banner.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden });
        // What the page does when the time is up is to ask for the sign-in page (the request, not the loaded page, is
        // what is asserted: the load has hung beside other test processes in a full run).
        var ended = await page.RunAndWaitForRequestAsync(
            () => page.Clock.FastForwardAsync("30:01"),
            "**/sign-in?ended=true*",
            new PageRunAndWaitForRequestOptions { Timeout = 90_000 });

        Assert.True(hiddenAtFirst);
        Assert.Equal(204, keepAlive.Status);
        Assert.Contains("returnUrl=%2Fevidence", ended.Url, StringComparison.Ordinal);
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _host.Anonymous.BaseAddress!.ToString().TrimEnd('/') });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        // A Content-Security-Policy refusal or a script error shows here; the tests assert there are none.
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => _consoleErrors.Add(error);
        return page;
    }

    private async Task<IPage> SignedInPageAsync(string user)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.FillAsync("#user", user);
        await page.FillAsync("#password", ApiHost.PasswordOf(user));
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("[data-test=signed-in-user]");
        return page;
    }
}
