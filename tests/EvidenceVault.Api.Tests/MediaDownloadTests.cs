using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Fixity;
using EvidenceVault.Application.Ingestion;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Api.Tests;

public sealed class MediaDownloadTests : IAsyncLifetime
{
    private const string OtherOfficer = "officer2";
    private readonly ApiHost _host = new();
    private readonly List<WebBrowser> _browsers = [];
    private string _video = "";

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        var folder = Directory.CreateTempSubdirectory("ev-api-video-").FullName;
        var path = Path.Combine(folder, "clip.mp4");
        using (var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg", ["-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=2", "-c:v", "libx264", "-pix_fmt", "yuv420p", path]))!)
        {
            await ffmpeg.WaitForExitAsync();
            Assert.Equal(0, ffmpeg.ExitCode);
        }

        var report = await _host.Services.GetRequiredService<IMediator>().Send(new IngestSourceCommand(folder, new IngestOptions(Officer: ApiHost.OfficerNumber)));
        _video = Assert.Single(report.Items).RecordingId!.Value.Value;
        Directory.Delete(folder, recursive: true);
    }

    public async Task DisposeAsync()
    {
        _browsers.ForEach(b => b.Dispose());
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Proxy_RangeRequest_Returns206VideoSoAPlayerCanSeek()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/recordings/{_video}/proxy");
        request.Headers.Range = new RangeHeaderValue(100, 199);

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(100, (await response.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal("bytes", Assert.Single(response.Headers.AcceptRanges));
    }

    [Fact]
    public async Task Thumbnail_Video_ReturnsJpeg()
    {
        using var response = await _host.Client.GetAsync($"/recordings/{_video}/thumbnail");

        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xFF, 0xD8], bytes[..2]);
    }

    [Fact]
    public async Task Proxy_PhotoHasNone_ReturnsProblemNotBytes()
    {
        using var response = await _host.Client.GetAsync($"/recordings/{_host.RecordingId}/proxy");

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Proxy_SwappedInTheVault_RefusedAsProblemWithIncident()
    {
        var stored = Path.Combine(Directory.GetDirectories(Path.Combine(_host.Data, "vault", "derived"), _video + "*").Single(), "proxy.mp4");
        var length = new FileInfo(stored).Length;
        File.SetAttributes(stored, FileAttributes.Normal);
        await File.WriteAllBytesAsync(stored, new byte[length]);

        using var response = await _host.Client.GetAsync($"/recordings/{_video}/proxy");
        var incidents = await _host.Services.GetRequiredService<IFixityStore>().IncidentsAsync(IncidentStatus.Open, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no longer matches", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("proxy-changed", Assert.Single(incidents).Kind);
    }

    [Fact]
    public async Task PreviewVtt_Video_WebVttWhoseCuesPointIntoTheSpriteBesideIt()
    {
        using var cues = await _host.Client.GetAsync($"/recordings/{_video}/preview.vtt");
        using var sprite = await _host.Client.GetAsync($"/recordings/{_video}/preview.jpg");

        var text = await cues.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, cues.StatusCode);
        Assert.Equal("text/vtt", cues.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("WEBVTT\n", text, StringComparison.Ordinal);
        Assert.Contains("00:00:00.000 --> 00:00:01.000\npreview.jpg#xywh=0,0,160,120\n", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, sprite.StatusCode);
        Assert.Equal("image/jpeg", sprite.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xFF, 0xD8], (await sprite.Content.ReadAsByteArrayAsync())[..2]);
    }

    [Fact]
    public async Task Preview_OwnerInTheBrowser_SpriteAndCuesServedAndEachRetrievalLogged()
    {
        var browser = await SignedInAsync(ApiHost.Actor);

        using var sprite = await browser.GetAsync($"/evidence/{_video}/preview.jpg");
        using var cues = await browser.GetAsync($"/evidence/{_video}/preview.vtt");

        Assert.Equal((HttpStatusCode.OK, "image/jpeg"), (sprite.StatusCode, sprite.Content.Headers.ContentType?.MediaType));
        Assert.Equal((HttpStatusCode.OK, "text/vtt"), (cues.StatusCode, cues.Content.Headers.ContentType?.MediaType));
        var retrieved = (await _host.CustodyAsync(_video)).Where(e => e.Action == CustodyActions.Retrieved && e.Actor == ApiHost.Actor)
            .Select(e => CustodyEntries.Read<RecordingRetrievedDetails>(e)!.Target).ToList();
        Assert.Equal(["sprite", "spritecues"], retrieved);
    }

    [Fact]
    public async Task Preview_AnotherOfficerInTheBrowser_403AndLoggedAsDenied()
    {
        await _host.AddUserAsync(OtherOfficer, OfficerId.Parse("040506"), Role.Officer);
        await _host.SignInAsync(OtherOfficer);
        var browser = await SignedInAsync(OtherOfficer);

        using var sprite = await browser.GetAsync($"/evidence/{_video}/preview.jpg");
        using var cues = await browser.GetAsync($"/evidence/{_video}/preview.vtt");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (sprite.StatusCode, cues.StatusCode));
        Assert.NotEqual("image/jpeg", sprite.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, (await _host.CustodyAsync(_video)).Count(e => e.Action == CustodyActions.AccessDenied && e.Actor == OtherOfficer));
        Assert.DoesNotContain(await _host.CustodyAsync(_video), e => e.Action == CustodyActions.Retrieved && e.Actor == OtherOfficer);
    }

    [Fact]
    public async Task PreviewJpg_SwappedInTheVault_RefusedAsProblemWithIncident()
    {
        var stored = Path.Combine(Directory.GetDirectories(Path.Combine(_host.Data, "vault", "derived"), _video + "*").Single(), "sprite.jpg");
        var length = new FileInfo(stored).Length;
        File.SetAttributes(stored, FileAttributes.Normal);
        await File.WriteAllBytesAsync(stored, new byte[length]);

        using var response = await _host.Client.GetAsync($"/recordings/{_video}/preview.jpg");
        var incidents = await _host.Services.GetRequiredService<IFixityStore>().IncidentsAsync(IncidentStatus.Open, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no longer matches", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("sprite-changed", Assert.Single(incidents).Kind);
    }

    [Fact]
    public async Task PreviewJpg_PhotoHasNone_ReturnsProblemNotBytes()
    {
        using var response = await _host.Client.GetAsync($"/recordings/{_host.RecordingId}/preview.jpg");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<WebBrowser> SignedInAsync(string user)
    {
        await _host.SignInAsync(user);
        var browser = new WebBrowser(_host.Anonymous.BaseAddress!);
        _browsers.Add(browser);
        using var response = await browser.SignInAsync(user, ApiHost.PasswordOf(user));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }
}
