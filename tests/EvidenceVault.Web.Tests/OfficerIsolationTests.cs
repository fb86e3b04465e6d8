using EvidenceVault.Api.Tests;
using EvidenceVault.Application.Cases;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Web.Tests;

/// <summary>An officer in a real chromium never meets another officer's recordings, wherever they look.</summary>
public sealed class OfficerIsolationTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private const string OtherCase = "京城管罚〔2026〕88号";
    private static readonly OfficerId Other = OfficerId.Parse("040506");
    private readonly ApiHost _host = new();
    private BrowserSession _browser = default!;
    private string[] _theirs = [];

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _browser = new BrowserSession(chromium, _host);
        await _host.AddUserAsync("officer2", Other, Role.Officer);
        await _host.SignInAsync(ApiHost.Actor);
        var video = await TestVideo.IngestAsync(_host, Other);
        var photo = await _host.IngestPhotoAsync(Other, 3);
        _theirs = [video, photo];
        await _host.SendAsync(new CreateCaseCommand(CaseNumber.Parse(OtherCase), EnforcementType.Penalty, "某某建材经营部", "违法堆放建材", [Other]));
        await _host.SendAsync(new AttachRecordingCommand(CaseNumber.Parse(OtherCase), RecordingId.Parse(video), ProcedureStage.Investigation, "现场取证"));
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/evidence")]
    [InlineData("/evidence?officer=040506")]
    [InlineData("/evidence?kind=Video")]
    [InlineData("/evidence?kind=Photo")]
    [InlineData("/evidence?unfiled=true")]
    [InlineData("/evidence?from={today}&to={today}")]
    [InlineData("/evidence?case={case}")]
    [InlineData("/evidence?officer=040506&kind=Video&case={case}&from={today}&to={today}")]
    [InlineData("/case-files")]
    [InlineData("/case-files/{case}")]
    [InlineData("/grants")]
    public async Task Page_AnotherOfficersRecordings_AreNowhereOnIt(string path)
    {
        var page = await _browser.SignedInPageAsync(ApiHost.Actor);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_host.Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.GotoAsync(path.Replace("{today}", today, StringComparison.Ordinal).Replace("{case}", Uri.EscapeDataString(OtherCase), StringComparison.Ordinal));
        var html = await page.ContentAsync();

        Assert.True(await page.Locator("main h1").IsVisibleAsync());
        Assert.All(_theirs, id => Assert.DoesNotContain(id, html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EvidenceList_FilteringTheUsersOwn_ShowsThemButNotTheOthers()
    {
        var page = await _browser.SignedInPageAsync(ApiHost.Actor);
        await page.GotoAsync("/evidence");
        await page.SelectOptionAsync("select[name=kind]", "Photo");
        await page.ClickAsync("form[role=search] button[type=submit]");
        var listed = await page.TextContentAsync("[data-test=recordings]");

        Assert.Contains("kind=Photo", page.Url, StringComparison.Ordinal);
        Assert.Contains(_host.RecordingId, listed, StringComparison.Ordinal);
        Assert.All(_theirs, id => Assert.DoesNotContain(id, listed, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Recording_AnotherOfficersByDirectUrl_RefusedAndItsMediaToo()
    {
        var page = await _browser.SignedInPageAsync(ApiHost.Actor);
        foreach (var id in _theirs)
        {
            await page.GotoAsync($"/evidence/{id}");

            Assert.Equal(1, await page.Locator("[data-test=problem]").CountAsync());
            Assert.Equal(0, await page.Locator("video, img.still, [data-test=facts], [data-test=markers]").CountAsync());
            foreach (var media in new[] { "proxy", "original", "thumbnail" })
            {
                var response = await page.APIRequest.GetAsync($"/evidence/{id}/{media}");
                Assert.True(response.Status is 403 or 404, $"{media} of {id}: {response.Status}");
                Assert.DoesNotContain("video/", response.Headers.GetValueOrDefault("content-type", ""), StringComparison.Ordinal);
            }
        }

        var own = await page.APIRequest.GetAsync($"/evidence/{_host.RecordingId}/original");
        Assert.Equal(200, own.Status);
    }
}
