using System.Diagnostics;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Ingestion;
using EvidenceVault.Application.Uploads;
using EvidenceVault.Hosting;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Api.Tests;

/// <summary>The real API on a loopback port over a temporary data folder (SQLite + local vault), with one real photo ingested.</summary>
public sealed class ApiHost : IAsyncLifetime
{
    public const string Actor = "api-tester";

    private readonly string _root = Directory.CreateTempSubdirectory("ev-api-").FullName;
    private WebApplication? _app;

    public HttpClient Client { get; } = new();

    public string RecordingId { get; private set; } = "";

    public string Sha256 { get; private set; } = "";

    public string Data => Path.Combine(_root, "data");

    /// <summary>The upload limits the host starts with (set before <see cref="InitializeAsync"/>).</summary>
    public UploadLimits Uploads { get; init; } = new();

    /// <summary>The temporary folder around the data folder: nothing may ever be written here by an upload.</summary>
    public string Root => _root;

    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        var recorder = Directory.CreateDirectory(Path.Combine(_root, "recorder")).FullName;
        MakePhoto(Path.Combine(recorder, "photo.jpg"));
        _app = EvidenceVaultApi.Build(new EvidenceVaultSettings { DataDirectory = Data, Actor = "api-host", Uploads = Uploads }, ["http://127.0.0.1:0"]);
        await _app.StartAsync();
        Client.BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        Client.DefaultRequestHeaders.Add(HeaderActor.HeaderName, Actor);

        var report = await _app.Services.GetRequiredService<IMediator>().Send(new IngestSourceCommand(recorder, new IngestOptions(DeferMedia: true)));
        var item = Assert.Single(report.Items);
        (RecordingId, Sha256) = (item.RecordingId!.Value.Value, item.Sha256!.Value.Hex);
    }

    public string VaultObject => Path.Combine(Data, "vault", "originals", "sha256", Sha256[..2], Sha256[2..4], Sha256);

    public async Task<IReadOnlyList<CustodyEntry>> CustodyAsync() =>
        [.. (await Services.GetRequiredService<ICustodyLog>().ReadAsync(RecordingId, CancellationToken.None)).Select(r => r.Entry)];

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        foreach (var file in Directory.GetFiles(_root, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(_root, recursive: true);
    }

    private static void MakePhoto(string path)
    {
        using var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg", ["-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=1", "-frames:v", "1", path]))!;
        ffmpeg.WaitForExit();
        Assert.Equal(0, ffmpeg.ExitCode);
    }
}
