using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using EvidenceVault.Application.Audit;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Jobs;
using EvidenceVault.Domain.Access;
using EvidenceVault.Storage.Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EvidenceVault.Api.Tests;

/// <summary>
/// The API with one worker on its own Azurite, which is stopped mid-way and started again on the same port and data
/// folder: uploads and jobs wait (503 + Retry-After, breaker open on /healthz, no attempt spent) and finish once it is back.
/// </summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    private const string Container = "outage";
    private static readonly TimeSpan Break = TimeSpan.FromSeconds(3);
    private readonly AzuriteProcess _azurite = new();
    private readonly string _clips = Directory.CreateTempSubdirectory("ev-outage-clips-").FullName;
    private ApiHost _host = null!;
    private HttpClient? _admin;

    public async Task InitializeAsync()
    {
        await _azurite.StartAsync();
        _host = new ApiHost
        {
            Workers = 1,
            VaultUri = $"azure://{Container}",
            AzureConnectionString = _azurite.ConnectionString,

            // Seconds instead of minutes: one quick SDK retry, a 3 s break and a 1 s health probe.
            Configure = services => services.Replace(ServiceDescriptor.Singleton(new AzureVaultOptions
            {
                ConnectionString = _azurite.ConnectionString,
                Container = Container,
                CheckoutDirectory = Path.Combine(_host.Data, "staging"),
                MaxRetries = 1,
                RetryDelay = TimeSpan.FromMilliseconds(100),
                NetworkTimeout = TimeSpan.FromSeconds(5),
                StepTimeout = TimeSpan.FromSeconds(30),
                BreakDuration = Break,
                HealthProbeTimeout = TimeSpan.FromSeconds(1),
            })),
        };
        await _host.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _azurite.Dispose();
        Directory.Delete(_clips, recursive: true);
    }

    [Fact]
    public async Task Outage_StorageStoppedMidway_UploadsAndJobsWaitThenEachFileIsStoredOnceAndEveryJobDone()
    {
        var tus = new TusClient(_host.Client);
        var clips = Enumerable.Range(0, 4).Select(MakeClip).ToArray();
        var queue = _host.Services.GetRequiredService<IJobQueue>();
        var uploads = new List<Uri>();
        var recordings = new List<string>();

        // Before: two uploads complete, a third is half sent.
        foreach (var clip in clips[..2])
        {
            uploads.Add(await tus.CreateForAsync(clip, "clip.mp4"));
            using var done = await tus.SendAllAsync(uploads[^1], clip, chunkSize: 16 * 1024);
            Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
            recordings.Add(TusClient.Header(done, "EvidenceVault-Recording")!);
        }

        var half = clips[2].Length / 2;
        uploads.Add(await tus.CreateForAsync(clips[2], "clip.mp4"));
        using (var first = await tus.PatchAsync(uploads[2], 0, clips[2].AsMemory(0, half)))
        {
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        }

        await _azurite.StopAsync();

        // A job that certainly meets the outage, enqueued as the daily schedule does.
        await queue.EnqueueAsync(JobKind.Fixity, JobNames.Of(JobKind.Fixity), TimeProvider.System.GetUtcNow(), CancellationToken.None);
        using (var rest = await tus.PatchAsync(uploads[2], half, clips[2].AsMemory(half)))
        {
            AssertWaitsForStorage(rest);
        }

        uploads.Add(await tus.CreateForAsync(clips[3], "clip.mp4"));
        using (var last = await tus.SendAllAsync(uploads[3], clips[3], chunkSize: 16 * 1024))
        {
            AssertWaitsForStorage(last);
        }

        using (var head = await tus.HeadAsync(uploads[3]))
        {
            AssertWaitsForStorage(head);
        }

        var down = await HealthUntilAsync(h => h.GetProperty("vault").GetProperty("circuit").GetString() == "open");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Status);
        Assert.Equal("unhealthy", down.Body.GetProperty("status").GetString());
        Assert.Equal("unavailable", down.Body.GetProperty("vault").GetProperty("state").GetString());
        Assert.False(string.IsNullOrEmpty(down.Body.GetProperty("vault").GetProperty("lastError").GetString()));
        Assert.InRange(down.Body.GetProperty("vault").GetProperty("retryAfterSeconds").GetInt32(), 1, (int)Break.TotalSeconds);
        Assert.Equal(JsonValueKind.String, down.Body.GetProperty("vault").GetProperty("since").ValueKind);

        // Several breaks long: the worker meets the outage again and again without spending attempts.
        await Task.Delay(4 * Break);
        var waiting = await queue.ListAsync(null, 100, CancellationToken.None);
        Assert.DoesNotContain(waiting, j => j.State == JobState.Dead);
        Assert.Contains(waiting, j => j.Kind == JobKind.Fixity && j.State != JobState.Done);
        Assert.All(waiting.Where(j => j.State == JobState.Pending), j => Assert.Equal(0, j.Attempts));

        await _azurite.StartAsync();
        foreach (var (upload, clip) in uploads[2..].Zip(clips[2..]))
        {
            recordings.Add(await CompleteAfterOutageAsync(tus, upload, clip.Length));
        }

        await AssertEveryJobDoneOnceAsync(queue);
        var up = await HealthUntilAsync(h => h.GetProperty("status").GetString() == "healthy");
        Assert.Equal(HttpStatusCode.OK, up.Status);
        Assert.Equal(("ok", "closed"), (up.Body.GetProperty("vault").GetProperty("state").GetString(), up.Body.GetProperty("vault").GetProperty("circuit").GetString()));
        await AssertStoredOnceAndIntactAsync(clips, uploads, recordings);
        var chain = await _host.SendAsync(new VerifyCustodyChainQuery());
        Assert.Null(chain.FirstBreak);
        Assert.Empty(chain.EditedRows);
    }

    private static void AssertWaitsForStorage(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.InRange(response.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
    }

    /// <summary>Repeats the final PATCH (empty, at the end) as a tus client does, waiting what Retry-After says; returns the recording.</summary>
    private static async Task<string> CompleteAfterOutageAsync(TusClient tus, Uri upload, long length)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await tus.PatchAsync(upload, length, ReadOnlyMemory<byte>.Empty, withChecksum: false);
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                Assert.Equal("stored", TusClient.Header(response, "EvidenceVault-Status"));
                var recording = TusClient.Header(response, "EvidenceVault-Recording")!;
                using var head = await tus.HeadAsync(upload);
                Assert.Equal((HttpStatusCode.OK, recording), (head.StatusCode, TusClient.Header(head, "EvidenceVault-Recording")));
                return recording;
            }

            AssertWaitsForStorage(response);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the upload did not complete within a minute of storage coming back");
            await Task.Delay(response.Headers.RetryAfter!.Delta!.Value);
        }
    }

    /// <summary>Polls /healthz (each answer quick, even while storage is down) until the condition holds.</summary>
    private async Task<(HttpStatusCode Status, JsonElement Body)> HealthUntilAsync(Func<JsonElement, bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var clock = Stopwatch.StartNew();
            using var response = await (_admin ??= await _host.ClientForAsync(Role.Administrator)).GetAsync("/healthz");
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"/healthz took {clock.Elapsed}");
            if (condition(body))
            {
                return (response.StatusCode, body);
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), $"/healthz never got there: {body}");
            await Task.Delay(250);
        }
    }

    private static async Task AssertEveryJobDoneOnceAsync(IJobQueue queue)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<JobRow> jobs;
        while ((jobs = await queue.ListAsync(null, 100, CancellationToken.None)).Any(j => j.State != JobState.Done))
        {
            Assert.DoesNotContain(jobs, j => j.State == JobState.Dead);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), "jobs still open: " + string.Join(", ", jobs.Where(j => j.State != JobState.Done).Select(j => $"{j.Kind} {j.State} {j.Attempts} {j.LastError}")));
            await Task.Delay(250);
        }

        // The four clips and the host's own photo.
        Assert.Equal(5, jobs.Count(j => j.Kind == JobKind.Media));
        Assert.All(jobs, j => Assert.Equal(1, j.Attempts));
    }

    /// <summary>One blob per file, byte-identical to what was sent, with its proxy; one ingest and one completion each.</summary>
    private async Task AssertStoredOnceAndIntactAsync(byte[][] clips, List<Uri> uploads, List<string> recordings)
    {
        var container = new BlobContainerClient(_azurite.ConnectionString, Container);
        var originals = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "originals/", CancellationToken.None))
        {
            originals.Add(blob.Name.Split('/')[^1]);
        }

        Assert.Equal([.. clips.Select(TusClient.Sha256Hex).Append(_host.Sha256).Order()], originals.Order());
        foreach (var clip in clips)
        {
            var sha = TusClient.Sha256Hex(clip);
            var stored = (await container.GetBlobClient($"originals/sha256/{sha[..2]}/{sha[2..4]}/{sha}").DownloadContentAsync()).Value.Content.ToArray();
            Assert.Equal(sha, TusClient.Sha256Hex(stored));
            Assert.True((await container.GetBlobClient($"derived/{sha}/proxy.mp4").ExistsAsync()).Value, $"no proxy for {sha}");
        }

        Assert.Equal(4, recordings.Distinct().Count());
        foreach (var recording in recordings)
        {
            Assert.Single(await _host.CustodyAsync(recording), e => e.Action == CustodyActions.Ingested);
        }

        foreach (var upload in uploads)
        {
            Assert.Single(await _host.CustodyAsync(upload.Segments[^1]), e => e.Action == CustodyActions.UploadCompleted);
        }
    }

    /// <summary>A real one-second H.264/AAC clip; the tone differs per index, so every clip has its own SHA-256.</summary>
    private byte[] MakeClip(int index)
    {
        var path = Path.Combine(_clips, $"clip{index}.mp4");
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var arg in $"-hide_banner -loglevel error -y -f lavfi -i testsrc=size=320x240:rate=10 -f lavfi -i sine=frequency={440 + (110 * index)}:sample_rate=48000 -t 1 -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest".Split(' ').Append(path))
        {
            info.ArgumentList.Add(arg);
        }

        using var ffmpeg = Process.Start(info) ?? throw new InvalidOperationException("ffmpeg did not start: install it (tools/test.sh does).");
        var error = ffmpeg.StandardError.ReadToEnd();
        ffmpeg.WaitForExit();
        Assert.True(ffmpeg.ExitCode == 0, $"ffmpeg failed: {error}");
        return File.ReadAllBytes(path);
    }
}
