using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using EvidenceVault.Application.Fixity;
using EvidenceVault.Application.Ingestion;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Api.Tests;

public sealed class MediaDownloadTests : IAsyncLifetime
{
    private readonly ApiHost _host = new();
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

    public Task DisposeAsync() => _host.DisposeAsync();

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
}
