using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs;
using EvidenceVault.Cli.Tests.Support;
using EvidenceVault.Testing;
using EvidenceVault.Testing.Catalog;

namespace EvidenceVault.Cli.Tests;

/// <summary>
/// Scale-out as deployed: one API process and two worker processes, each with its own data folder as on separate
/// machines, sharing a PostgreSQL catalog, an Azure container (Azurite) and the keys folder (a mounted secret). Half the files are docked with the CLI, half
/// uploaded over tus, while one worker is killed mid-way: every file is stored once and every job done once.
/// </summary>
public sealed class ScaleOutTests : IDisposable
{
    private const int Docked = 25;
    private const int Uploaded = 25;
    private const int Files = Docked + Uploaded;
    private readonly Workspace _workspace = new();
    private readonly TestPostgres _postgres = new();
    private readonly string _container = $"ev-scale-{Guid.NewGuid():N}"[..30];
    private readonly Dictionary<string, string> _environment;
    private Sessions? _sessions;

    public ScaleOutTests() => _environment = new()
    {
        ["EVIDENCEVAULT_CATALOG"] = _postgres.Url,
        ["EVIDENCEVAULT_AZURE_CONNECTION"] = Environment.GetEnvironmentVariable("EVIDENCEVAULT_AZURITE_CONNECTION") ?? "UseDevelopmentStorage=true",
        ["EVIDENCEVAULT_KEYS"] = Path.Combine(_workspace.Root, "shared-keys"),
    };

    [Fact]
    public async Task ApiAndTwoWorkers_OnPostgresAndAzurite_OneWorkerKilled_EveryFileStoredOnceEveryJobDoneOnce()
    {
        await CliAsync("admin", null, "users", "add", "admin", "--display-name", "管理员", "--role", "administrator");
        await CliAsync("admin", "admin", "users", "add", "zhang", "--display-name", "张三", "--role", "officer", "--officer", "010203");
        var key = (await CliAsync("admin", "admin", "stations", "keys", "issue", "DS-01", "--user", "zhang", "--json")).Json.GetProperty("key").GetString()!;
        DistinctVideos.Make(_workspace.Root, _workspace.Recorder, Docked);
        var toUpload = DistinctVideos.Make(_workspace.Root, Directory.CreateDirectory(Path.Combine(_workspace.Root, "upload")).FullName, Uploaded, first: Docked);

        var port = LoopbackPort.Free();
        using var api = Start("api", "serve", "--role", "api", "--urls", $"http://127.0.0.1:{port}");
        using var doomed = Start("worker-1", "serve", "--role", "worker");
        using var survivor = Start("worker-2", "serve", "--role", "worker");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(300));
        await WaitUntilAsync(() => AnswersAsync(http), timeout.Token);

        var docking = CliAsync("station", "admin", "ingest", _workspace.Recorder, "--defer-media", "--json");
        // A station uploads a few files at a time, below the API's limit on concurrent transfers.
        using var station = new SemaphoreSlim(4);
        var uploading = Task.WhenAll(toUpload.Select(async file =>
        {
            await station.WaitAsync(timeout.Token);
            try
            {
                await UploadAsync(http, file);
            }
            finally
            {
                station.Release();
            }
        }));
        await WaitUntilAsync(() => Task.FromResult(Count("SELECT COUNT(*) FROM jobs WHERE kind = 'media' AND state = 'done'") >= 10), timeout.Token);
        doomed.Kill(entireProcessTree: true);
        await doomed.WaitForExitAsync(timeout.Token);
        var docked = await docking;
        await uploading;
        await WaitUntilAsync(() => Task.FromResult(Count("SELECT COUNT(*) FROM jobs WHERE kind IN ('media', 'link') AND state <> 'done'") == 0 && Count("SELECT COUNT(*) FROM recordings") == Files), timeout.Token);
        survivor.Kill(entireProcessTree: true);
        api.Kill(entireProcessTree: true);

        Assert.Equal(Docked, docked.Json.GetProperty("summary").GetProperty("stored").GetInt32());
        var uploadedDigests = toUpload.Select(f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))).ToList();
        var catalogued = _postgres.Query("SELECT sha256 FROM recordings").Cast<string>().ToHashSet();
        Assert.Equal(Files, catalogued.Count);
        Assert.Subset(catalogued, uploadedDigests.ToHashSet());
        Assert.Equal(Files, Count("SELECT COUNT(*) FROM custody WHERE action = 'recording.ingested'"));
        Assert.Equal(Files, Count("SELECT COUNT(*) FROM jobs WHERE kind = 'media' AND state = 'done'"));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM jobs WHERE state = 'dead'"));
        Assert.Equal(Files, Count("SELECT COUNT(*) FROM recordings WHERE media_state = 'done' AND has_proxy = 1"));
        var completed = "action IN ('recording.media-processed', 'recording.media-failed', 'recording.quarantined')";
        Assert.Equal((Files, Files), (Count($"SELECT COUNT(*) FROM custody WHERE {completed}"), Count($"SELECT COUNT(DISTINCT subject) FROM custody WHERE {completed}")));
        var container = new BlobContainerClient(_environment["EVIDENCEVAULT_AZURE_CONNECTION"], _container);
        var originals = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "originals/", CancellationToken.None))
        {
            originals.Add(blob.Name);
        }

        Assert.Equal(catalogued.Order(StringComparer.Ordinal), originals.Select(name => name[(name.LastIndexOf('/') + 1)..]).Order(StringComparer.Ordinal));
        Assert.Equal(0, (await CliAsync("audit", "admin", "audit", "verify")).ExitCode);
    }

    public void Dispose()
    {
        _postgres.Dispose();
        _workspace.Dispose();
    }

    private static async Task UploadAsync(HttpClient http, string file)
    {
        var bytes = await File.ReadAllBytesAsync(file);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        using var create = new HttpRequestMessage(HttpMethod.Post, "/uploads");
        create.Headers.Add("Tus-Resumable", "1.0.0");
        create.Headers.Add("Upload-Length", bytes.Length.ToString(CultureInfo.InvariantCulture));
        create.Headers.Add("Upload-Metadata", $"filename {Base64(Path.GetFileName(file))},sha256 {Base64(sha256)},officer {Base64("010203")}");
        using var created = await http.SendAsync(create);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        using var patch = new HttpRequestMessage(HttpMethod.Patch, created.Headers.Location) { Content = new ByteArrayContent(bytes) };
        patch.Headers.Add("Tus-Resumable", "1.0.0");
        patch.Headers.Add("Upload-Offset", "0");
        patch.Content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        using var finished = await http.SendAsync(patch);
        Assert.True(finished.StatusCode == HttpStatusCode.NoContent, await finished.Content.ReadAsStringAsync());
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));


    private static async Task<bool> AnswersAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync("/healthz");
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>Each process gets its own data folder: nothing is shared but the catalog and the container.</summary>
    private Process Start(string machine, params string[] args) =>
        CliRunner.Start(Path.Combine(_workspace.Root, machine), _environment, ["--vault", $"azure://{_container}", .. args]);

    private async Task<CliResult> CliAsync(string machine, string? actor, params string[] args)
    {
        // Sessions live in the shared catalog, so a token from one machine's login is good on every machine.
        _sessions ??= new Sessions(Path.Combine(_workspace.Root, "admin"), _environment, "--vault", $"azure://{_container}");
        var token = actor is null ? null : await _sessions.TokenAsync(actor);
        var result = await CliRunner.RunAsync(Path.Combine(_workspace.Root, machine), _sessions.With(token), ["--vault", $"azure://{_container}", .. args]);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)}: exit {result.ExitCode}\n{result.StandardError}");
        return result;
    }

    private long Count(string sql) => Convert.ToInt64(_postgres.Query(sql).Single(), CultureInfo.InvariantCulture);

    private async Task WaitUntilAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        while (!await condition())
        {
            if (cancellationToken.IsCancellationRequested)
            {
                var jobs = string.Join(", ", _postgres.Query("SELECT kind || ' ' || state || ' ' || COUNT(*) FROM jobs GROUP BY kind, state"));
                Assert.Fail($"Timed out; {Count("SELECT COUNT(*) FROM recordings")} recordings; jobs by kind and state: {jobs}");
            }

            await Task.Delay(200, CancellationToken.None);
        }
    }
}
