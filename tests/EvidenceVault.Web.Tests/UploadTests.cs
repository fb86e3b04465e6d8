using System.Security.Cryptography;
using EvidenceVault.Api.Tests;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Domain.Recordings;
using Microsoft.Playwright;

namespace EvidenceVault.Web.Tests;

/// <summary>Uploads in a real chromium with the real tus-js-client, against the real tus endpoints and ingest.</summary>
public sealed class UploadTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private readonly ApiHost _host = new();
    private readonly UploadMedia _media = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("ev-web-upload-").FullName;
    private IBrowserContext? _context;

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        await _host.SignInAsync(ApiHost.Actor);
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }

        await _host.DisposeAsync();
        _media.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Upload_TwoFilesAtOnce_EachIsSecuredWithTheBrowsersHashAndTheServersAnswer()
    {
        var notes = Path.Combine(_folder, "现场笔录.txt");
        await File.WriteAllTextAsync(notes, "2026-12-07 现场检查笔录：当事人在场，已告知权利。\n");
        var page = await SignedInUploadPageAsync();

        await page.SetInputFilesAsync("#files", [_media.Path, notes]);

        foreach (var file in new[] { _media.Path, notes })
        {
            var recording = await StoredRecordingAsync(page, Path.GetFileName(file));
            var entry = await _host.SendAsync(new ShowRecordingQuery(RecordingId.Parse(recording)));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file))), entry.Sha256.Hex);
            Assert.Equal(ApiHost.OfficerNumber, entry.Officer);
        }
    }

    [Fact]
    public async Task Upload_NetworkDropsMidChunk_ResumesFromTheServersOffsetAndStoresOnce()
    {
        var page = await SignedInUploadPageAsync();
        var dropped = 0;
        var patches = 0;
        await page.RouteAsync("**/browser-uploads/*", async route =>
        {
            if (route.Request.Method == "PATCH" && patches++ == 0)
            {
                dropped++;
                await route.AbortAsync("connectionreset");
                return;
            }

            await route.ContinueAsync();
        });

        await page.SetInputFilesAsync("#files", _media.Path);
        var recording = await StoredRecordingAsync(page, Path.GetFileName(_media.Path));

        Assert.Equal(1, dropped);
        Assert.True(patches >= 2, $"{patches} PATCH requests");
        var entry = await _host.SendAsync(new ShowRecordingQuery(RecordingId.Parse(recording)));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(_media.Bytes)), entry.Sha256.Hex);
        Assert.Single(await _host.SendAsync(new ListRecordingsQuery(new Application.Catalog.RecordingFilter())), r => r.Sha256 == entry.Sha256);
    }

    [Fact]
    public async Task Upload_FileTheServerRefuses_ShowsItsReason()
    {
        var binary = Path.Combine(_folder, "setup.exe");
        await File.WriteAllBytesAsync(binary, [0x4d, 0x5a, 0x90, 0x00]);
        var page = await SignedInUploadPageAsync();

        await page.SetInputFilesAsync("#files", binary);
        var row = page.Locator("li[data-file='setup.exe'][data-status=failed]");
        await row.WaitForAsync();

        Assert.Contains("unsupported-upload-type", await row.TextContentAsync(), StringComparison.Ordinal);
    }

    private async Task<IPage> SignedInUploadPageAsync()
    {
        _context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _host.Anonymous.BaseAddress!.ToString().TrimEnd('/') });
        var page = await _context.NewPageAsync();
        await page.GotoAsync("/upload");
        await page.FillAsync("#user", ApiHost.Actor);
        await page.FillAsync("#password", ApiHost.PasswordOf(ApiHost.Actor));
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("#files");
        return page;
    }

    private static async Task<string> StoredRecordingAsync(IPage page, string name)
    {
        var row = page.Locator($"li[data-file='{name}']");
        try
        {
            await row.Locator("a[data-recording]").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{name} was not secured: {await page.Locator("[data-upload-list]").TextContentAsync()}");
        }

        Assert.Equal("stored", await row.GetAttributeAsync("data-status"));
        return (await row.Locator("a[data-recording]").GetAttributeAsync("data-recording"))!;
    }
}
