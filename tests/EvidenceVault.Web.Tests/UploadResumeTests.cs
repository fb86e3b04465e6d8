using System.Diagnostics;
using System.Security.Cryptography;
using EvidenceVault.Api.Tests;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Domain.Recordings;
using Microsoft.Playwright;

namespace EvidenceVault.Web.Tests;

/// <summary>An upload cut by a page reload and picked again: tus-js-client's stored fingerprint resumes it from the server's offset.</summary>
public sealed class UploadResumeTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    /// <summary>upload.js sends 8 MiB chunks; the recording is about 19 MB, so three PATCH requests.</summary>
    private const long Chunk = 8 * 1024 * 1024;
    private readonly ApiHost _host = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("ev-web-resume-").FullName;
    private BrowserSession _browser = default!;
    private string _file = "";

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _browser = new BrowserSession(chromium, _host);
        await _host.SignInAsync(ApiHost.Actor);
        _file = Path.Combine(_folder, "执法记录仪-20261207-0930.wav");
        using var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg", ["-v", "error", "-f", "lavfi", "-i", "anoisesrc=d=100:r=48000", "-ac", "2", _file]))!;
        await ffmpeg.WaitForExitAsync();
        Assert.Equal(0, ffmpeg.ExitCode);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Upload_PageReloadedMidway_SameFileAgainResumesFromTheServersOffsetAndStoresOnce()
    {
        var page = await _browser.SignedInPageAsync(ApiHost.Actor);
        await page.GotoAsync("/upload");
        var secondPatch = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var patches = 0;
        await page.RouteAsync("**/browser-uploads/**", async route =>
        {
            if (route.Request.Method == "PATCH" && Interlocked.Increment(ref patches) == 2)
            {
                // The second chunk never leaves the browser: the page is reloaded while it hangs.
                secondPatch.TrySetResult();
                return;
            }

            await route.FallbackAsync();
        });
        await page.SetInputFilesAsync("#files", _file);
        await secondPatch.Task.WaitAsync(TimeSpan.FromSeconds(60));

        await page.UnrouteAllAsync(new PageUnrouteAllOptions { Behavior = UnrouteBehavior.IgnoreErrors });
        await page.ReloadAsync();
        var stored = await page.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => k.startsWith('tus::')).length");
        var after = new List<(string Method, string? Offset)>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/browser-uploads", StringComparison.Ordinal))
            {
                after.Add((request.Method, request.Headers.GetValueOrDefault("upload-offset")));
            }
        };
        var headOffsets = new List<string?>();
        page.Response += (_, response) =>
        {
            if (response.Request.Method == "HEAD" && response.Url.Contains("/browser-uploads", StringComparison.Ordinal))
            {
                headOffsets.Add(response.Headers.GetValueOrDefault("upload-offset"));
            }
        };
        await page.SetInputFilesAsync("#files", _file);
        var row = page.Locator("li[data-file$='.wav'] a[data-recording]");
        await row.WaitForAsync(new LocatorWaitForOptions { Timeout = 90_000 });
        var recording = (await row.GetAttributeAsync("data-recording"))!;

        Assert.Equal(1, stored);
        Assert.DoesNotContain(after, r => r.Method == "POST");
        Assert.Equal(Chunk.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(headOffsets));
        var resumedPatches = after.Where(r => r.Method == "PATCH").Select(r => long.Parse(r.Offset!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([Chunk, 2 * Chunk], resumedPatches);
        var entry = await _host.SendAsync(new ShowRecordingQuery(RecordingId.Parse(recording)));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(_file))), entry.Sha256.Hex);
        Assert.Single(await _host.SendAsync(new ListRecordingsQuery(new Application.Catalog.RecordingFilter())), r => r.Sha256 == entry.Sha256);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => k.startsWith('tus::')).length"));
    }
}
