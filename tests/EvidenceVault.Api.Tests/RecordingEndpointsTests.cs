using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Uploads;
using EvidenceVault.Domain.Access;
using EvidenceVault.Hosting;

namespace EvidenceVault.Api.Tests;

public sealed class RecordingEndpointsTests : IAsyncLifetime
{
    private readonly ApiHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Healthz_FreshInstallation_ReportsHealthy()
    {
        using var response = await (await _host.ClientForAsync(Role.Administrator)).GetAsync("/healthz");

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal("ok", body.GetProperty("catalog").GetString());
        Assert.Contains("ffmpeg", body.GetProperty("mediaTools").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Healthz_AnonymousOrOfficer_OnlyTheStatusNoDetails()
    {
        using var anonymous = await _host.Anonymous.GetAsync("/healthz");
        using var officer = await _host.Client.GetAsync("/healthz");

        foreach (var response in new[] { anonymous, officer })
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(["status"], body.EnumerateObject().Select(p => p.Name));
            Assert.Equal("healthy", body.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Healthz_FreeSpaceBelowTheReserve_DegradedAndAdministratorSeesWhy()
    {
        var host = new ApiHost { Uploads = new UploadLimits { ReservedFreeBytes = long.MaxValue / 2 } };
        await host.InitializeAsync();
        try
        {
            using var anonymous = await host.Anonymous.GetAsync("/healthz");
            using var administrator = await (await host.ClientForAsync(Role.Administrator)).GetAsync("/healthz");

            Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
            Assert.Equal("degraded", (await anonymous.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
            var details = await administrator.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(details.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("free space below the reserve", StringComparison.Ordinal));
            Assert.True(details.GetProperty("freeBytes").GetInt64() > 0);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Healthz_FfmpegMissing_Returns503()
    {
        var settings = new EvidenceVaultSettings { DataDirectory = Path.Combine(_host.Data, "other"), Actor = "api-host", FfmpegFolder = "/nonexistent-ffmpeg" };
        await using var app = EvidenceVaultApi.Build(settings, ["http://127.0.0.1:0"]);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unhealthy", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ListRecordings_AfterIngest_ReturnsTheRecording()
    {
        var body = await _host.Client.GetFromJsonAsync<JsonElement>("/recordings?limit=10");

        var recording = Assert.Single(body.GetProperty("recordings").EnumerateArray());
        Assert.Equal(_host.RecordingId, recording.GetProperty("recordingId").GetString());
        Assert.Equal(_host.Sha256, recording.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task ShowRecording_Known_Returns200AndLogsViewedByTheSignedInUser()
    {
        using var response = await _host.Client.GetAsync($"/recordings/{_host.RecordingId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(_host.RecordingId, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recordingId").GetString());
        Assert.Contains(await _host.CustodyAsync(), e => e.Action == CustodyActions.Viewed && e.Actor == ApiHost.Actor);
    }

    [Fact]
    public async Task ShowRecording_NoCredential_Returns401BearerChallengeWithoutCustodyEntry()
    {
        using var response = await _host.Anonymous.GetAsync($"/recordings/{_host.RecordingId}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.DoesNotContain(await _host.CustodyAsync(), e => e.Action == CustodyActions.Viewed);
    }

    [Fact]
    public async Task ShowRecording_UnknownId_Returns404ProblemDetails()
    {
        using var response = await _host.Client.GetAsync("/recordings/0123456789abcdef0123");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("0123456789abcdef0123", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowRecording_MalformedId_Returns400ProblemDetails()
    {
        using var response = await _host.Client.GetAsync("/recordings/not-an-id");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Original_Intact_StreamsBytesMatchingSha256AndLogsRetrieval()
    {
        var bytes = await _host.Client.GetByteArrayAsync($"/recordings/{_host.RecordingId}/original");

        Assert.Equal(_host.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Contains(await _host.CustodyAsync(), e => e.Action == CustodyActions.Retrieved && e.Actor == ApiHost.Actor);
        Assert.Empty(Directory.GetFiles(Path.Combine(_host.Data, "downloads")));
    }

    [Fact]
    public async Task Original_RangeRequest_Returns206WithThatSlice()
    {
        var whole = await File.ReadAllBytesAsync(_host.VaultObject);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/recordings/{_host.RecordingId}/original");
        request.Headers.Range = new RangeHeaderValue(10, 19);

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(whole[10..20], await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Original_TamperedVaultObject_RefusesWithProblemAndNoBytes()
    {
        File.SetAttributes(_host.VaultObject, FileAttributes.Normal);
        var bytes = await File.ReadAllBytesAsync(_host.VaultObject);
        bytes[^1] ^= 0xFF;
        await File.WriteAllBytesAsync(_host.VaultObject, bytes);

        using var response = await _host.Client.GetAsync($"/recordings/{_host.RecordingId}/original");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("SHA-256", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(await _host.CustodyAsync(), e => e.Action == CustodyActions.IntegrityFailure);
        Assert.Empty(Directory.GetFiles(Path.Combine(_host.Data, "downloads")));
    }
}
