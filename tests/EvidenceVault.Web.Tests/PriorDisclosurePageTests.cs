using System.Text;
using EvidenceVault.Api.Tests;
using EvidenceVault.Application.Disclosure;
using EvidenceVault.Application.PriorDisclosure;
using EvidenceVault.Hosting;
using EvidenceVault.Testing.PriorDisclosure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace EvidenceVault.Web.Tests;

/// <summary>The 事前公开 page in a real chromium: an item edited and published reaches what the public site reads; a stale form and a bad import file are refused.</summary>
public sealed class PriorDisclosurePageTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private const string Duties = "负责辖区内食品、药品和特种设备的市场监管执法";
    private readonly ApiHost _host = new();
    private BrowserSession _browser = default!;

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _browser = new BrowserSession(chromium, _host);
        await _host.SendAsync(new EditPriorDisclosureCommand(PriorDisclosureSamples.Set()));
        await _host.SendAsync(new PublishPriorDisclosureCommand());
        await _host.SignInAsync(ApiHost.Administrator);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task EditAndPublish_AgencyDuties_TheSiteProjectionShowsTheNewText()
    {
        var admin = await _browser.SignedInPageAsync(ApiHost.Administrator);
        await admin.GotoAsync("/prior-disclosure");

        await admin.FillAsync("#agency-duties", Duties);
        await admin.RunAndWaitForResponseAsync(() => AgencySave(admin).ClickAsync(), r => r.Request.Method == "POST");
        var saved = await admin.TextContentAsync("[data-test=done]");
        var before = await PublishedAsync();
        await admin.RunAndWaitForResponseAsync(() => admin.Locator("[data-test=publish]").ClickAsync(), r => r.Request.Method == "POST");
        var published = await admin.TextContentAsync("[data-test=done]");
        var after = await PublishedAsync();

        Assert.Contains("2", saved, StringComparison.Ordinal);
        Assert.NotEqual(Duties, before!.Data.Agency.Duties);
        Assert.Contains("2", published, StringComparison.Ordinal);
        Assert.Equal((2L, Duties), (after!.Version, after.Data.Agency.Duties));
        Assert.Empty(_browser.Errors);
    }

    [Fact]
    public async Task Edit_FormOlderThanTheLatestVersion_RefusedAndTheOtherEditKept()
    {
        var first = await _browser.SignedInPageAsync(ApiHost.Administrator);
        var stale = await _browser.SignedInPageAsync(ApiHost.Administrator);
        await first.GotoAsync("/prior-disclosure");
        await stale.GotoAsync("/prior-disclosure");

        await first.FillAsync("#agency-duties", Duties);
        await first.RunAndWaitForResponseAsync(() => AgencySave(first).ClickAsync(), r => r.Request.Method == "POST");
        await stale.FillAsync("#agency-duties", "过期表单中的职责");
        var refused = await stale.RunAndWaitForResponseAsync(() => AgencySave(stale).ClickAsync(), r => r.Request.Method == "POST");
        var problem = stale.Locator("[data-test=problem]");

        Assert.Equal(409, refused.Status);
        Assert.Equal("prior-disclosure-conflict", await problem.GetAttributeAsync("data-code"));
        var latest = (await _host.SendAsync(new ShowPriorDisclosureQuery()))[0];
        Assert.Equal((2L, Duties), (latest.Number, latest.Data.Agency.Duties));
    }

    [Fact]
    public async Task Import_FileWithABadCertificateNumber_RefusedNamingSectionItemAndFieldAndStoresNothing()
    {
        var document = PriorDisclosureDocument.Write(PriorDisclosureSamples.Set("李四")).Replace("33020012345", "99020012345", StringComparison.Ordinal);
        var admin = await _browser.SignedInPageAsync(ApiHost.Administrator);
        await admin.GotoAsync("/prior-disclosure");

        await admin.SetInputFilesAsync("#pd-import", new FilePayload { Name = "prior.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(document) });
        var refused = await admin.RunAndWaitForResponseAsync(() => admin.Locator("[data-test=import]").ClickAsync(), r => r.Request.Method == "POST");
        var problem = await admin.TextContentAsync("[data-test=problem]");

        Assert.Equal(400, refused.Status);
        Assert.Contains("officers item 1 (李四), field 'certificate'", problem, StringComparison.Ordinal);
        Assert.Single(await _host.SendAsync(new ShowPriorDisclosureQuery()));
    }

    [Fact]
    public async Task Import_FileLargerThanTheLimit_RefusedBeforeReadingAndStoresNothing()
    {
        var limit = _host.Services.GetRequiredService<IOptions<PriorDisclosureOptions>>().Value.MaxImportBytes;
        var admin = await _browser.SignedInPageAsync(ApiHost.Administrator);
        await admin.GotoAsync("/prior-disclosure");

        await admin.SetInputFilesAsync("#pd-import", new FilePayload { Name = "big.json", MimeType = "application/json", Buffer = new byte[limit + 1] });
        var refused = await admin.RunAndWaitForResponseAsync(() => admin.Locator("[data-test=import]").ClickAsync(), r => r.Request.Method == "POST");
        var problem = await admin.TextContentAsync("[data-test=problem]");

        Assert.Equal(400, refused.Status);
        Assert.Contains($"{limit / 1024} KiB", problem, StringComparison.Ordinal);
        Assert.Single(await _host.SendAsync(new ShowPriorDisclosureQuery()));
    }

    private static ILocator AgencySave(IPage page) => page.Locator("[data-test=section-agency] button[type=submit]");

    // What the public site reads: the published projection over the same data folder, composed as `evidencevault public` does.
    private async Task<PublishedPriorDisclosure?> PublishedAsync()
    {
        await using var site = new ServiceCollection().AddPublishedProjection(new EvidenceVaultSettings { DataDirectory = _host.Data, Actor = "public" }).BuildServiceProvider();
        return await site.GetRequiredService<IPublishedDisclosures>().PriorDisclosureAsync(CancellationToken.None);
    }
}
