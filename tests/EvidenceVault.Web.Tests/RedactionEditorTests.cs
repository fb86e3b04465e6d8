using EvidenceVault.Api.Tests;
using EvidenceVault.Application.Redaction;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Redaction;
using EvidenceVault.Testing.Media;
using Microsoft.Playwright;

namespace EvidenceVault.Web.Tests;

/// <summary>The redaction editor in a real chromium over a real clip: what is drawn is what real ffmpeg hides.</summary>
public sealed class RedactionEditorTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private const int Width = 320;
    private readonly ApiHost _host = new();
    private BrowserSession _browser = default!;
    private string _video = "";

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _browser = new BrowserSession(chromium, _host);
        await _host.SignInAsync(ApiHost.Actor);
        _video = await TestVideo.IngestAsync(_host, ApiHost.OfficerNumber, pattern: "testsrc2", tone: true);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Editor_DrawBoxAndMuteSpan_CopyCoversTheBoxAndSilencesTheSpan()
    {
        var page = await OpenEditorAsync();
        await page.ClickAsync("[data-test=redaction-draw]");
        await page.Locator("video[data-test=video]").ScrollIntoViewIfNeededAsync();
        var overlay = await page.Locator("[data-test=redaction-overlay]").BoundingBoxAsync();
        await page.Mouse.MoveAsync(overlay!.X + (overlay.Width * 0.25f), overlay.Y + (overlay.Height * 0.25f));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(overlay.X + (overlay.Width * 0.5f), overlay.Y + (overlay.Height * 0.5f), new MouseMoveOptions { Steps = 5 });
        await page.Mouse.UpAsync();
        await page.FillAsync("[data-test=span-from]", "1");
        await page.FillAsync("[data-test=span-to]", "2");
        await page.ClickAsync("[data-test=add-mute]");
        var spec = await page.InputValueAsync("[data-test=redaction-spec]");
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync("[data-test=redaction-submit]"), r => r.Request.Method == "POST");
        var made = await page.TextContentAsync("[data-test=redaction-made]");
        var playable = await page.Locator("[data-test=redacted-copy] video").CountAsync();

        var region = RedactionSpec.Parse(spec).Regions.Single();
        var box = region.Keyframes[0].Box;
        var copy = Assert.Single(await _host.SendAsync(new ListRedactionsQuery(RecordingId.Parse(_video))));
        var path = Path.Combine(Directory.CreateTempSubdirectory("ev-redaction-").FullName, "copy.mp4");
        var served = await page.APIRequest.GetAsync($"/evidence/{_video}/redactions/{copy.Id}");
        await File.WriteAllBytesAsync(path, await served.BodyAsync());
        var covered = Mean(Region(await FfmpegRun.GrayFrameAsync(path, 0.5), box));
        var outside = Mean(Region(await FfmpegRun.GrayFrameAsync(path, 0.5), new Box(Width - 60, 0, 60, 40)));

        Assert.Equal(200, served.Status);
        Assert.InRange(box.Width, 70, 90);
        Assert.InRange(box.Height, 50, 70);
        Assert.Equal(RegionMode.Blackout, region.Mode);
        Assert.Contains(copy.Id.ToString(), made, StringComparison.Ordinal);
        Assert.Equal(1, playable);
        Assert.InRange(covered, 0, 20);
        Assert.True(outside > 40, $"outside the box the picture is {outside}");
        // AAC leaves a residue far below hearing (about -91 dB) where the source had a tone; -inf is not promised.
        Assert.True(await FfmpegRun.MaxVolumeAsync(path, 1.1, 1.8) < -60);
        Assert.True(await FfmpegRun.MaxVolumeAsync(path, 2.5, 3.5) > -20);
        Assert.Empty(_browser.Errors);
    }

    [Fact]
    public async Task Editor_SpecRunsPastTheEnd_ShowsTheSpecificErrorAndKeepsWhatWasDrawn()
    {
        var page = await OpenEditorAsync();
        await page.FillAsync("[data-test=span-from]", "2");
        await page.FillAsync("[data-test=span-to]", "9");
        await page.ClickAsync("[data-test=add-mute]");
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync("[data-test=redaction-submit]"), r => r.Request.Method == "POST");
        var problem = await page.Locator("[data-test=redaction-editor] [data-test=problem]").TextContentAsync();
        var kept = await page.InputValueAsync("[data-test=redaction-spec]");
        var items = await page.Locator("[data-test=redaction-items] li").CountAsync();

        Assert.Contains("mutes[0]", problem, StringComparison.Ordinal);
        Assert.Contains("runs past the end", problem, StringComparison.Ordinal);
        Assert.Contains("\"to\":9", kept, StringComparison.Ordinal);
        Assert.Equal(1, items);
        Assert.Empty(await _host.SendAsync(new ListRedactionsQuery(RecordingId.Parse(_video))));
    }

    private async Task<IPage> OpenEditorAsync()
    {
        var page = await _browser.SignedInPageAsync(ApiHost.Actor);
        await page.GotoAsync($"/evidence/{_video}");
        await page.WaitForFunctionAsync("() => document.querySelector('video[data-test=video]')?.readyState >= 1");
        return page;
    }

    private static double Mean(byte[] pixels) => pixels.Average(p => (double)p);

    private static byte[] Region(byte[] frame, Box box)
    {
        var region = new List<byte>();
        for (var y = box.Y; y < box.Y + box.Height; y++)
        {
            region.AddRange(frame.AsSpan((y * Width) + box.X, box.Width).ToArray());
        }

        return [.. region];
    }
}
