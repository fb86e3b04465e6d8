using System.Net;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Uploads;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Api.Tests;

/// <summary>Limits that need a host configured for them: space, concurrency, expiry.</summary>
public sealed class TusLimitTests(UploadMedia media) : IClassFixture<UploadMedia>
{
    [Fact]
    public async Task Create_NotEnoughFreeSpace_Returns507()
    {
        await using var host = await StartAsync(new UploadLimits { ReservedFreeBytes = long.MaxValue / 2 });

        using var response = await new TusClient(host.Client).CreateAsync(media.Bytes.Length, TusClient.Metadata(("filename", "clip.mp4"), ("sha256", TusClient.Sha256Hex(media.Bytes))));

        Assert.Equal(HttpStatusCode.InsufficientStorage, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(TusClient.UploadFolders(host.Data));
    }

    [Fact]
    public async Task Patch_MoreTransfersThanAllowed_Returns503WithRetryAfter()
    {
        await using var host = await StartAsync(new UploadLimits { MaxConcurrentTransfers = 1, RetryAfter = TimeSpan.FromSeconds(7) });
        var tus = new TusClient(host.Client);
        var first = await tus.CreateForAsync(media.Bytes, "first.mp4");
        var second = await tus.CreateForAsync(media.Bytes, "second.mp4");
        var release = new TaskCompletionSource();
        var held = new HeldContent(media.Bytes[..20_000], 10_000, release.Task);
        var running = tus.PatchAsync(first, 0, held);
        await held.FirstPartSent;
        await Task.Delay(300);

        using var busy = await tus.PatchAsync(second, 0, media.Bytes.AsMemory(0, 1000));
        release.SetResult();
        using var finished = await running;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), busy.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.NoContent, finished.StatusCode);
        Assert.Equal(20_000, TusClient.Offset(finished));
    }

    [Fact]
    public async Task Upload_PastItsExpiry_IsGoneAndItsFilesRemoved()
    {
        await using var host = await StartAsync(new UploadLimits { Expiry = TimeSpan.FromSeconds(1) });
        var tus = new TusClient(host.Client);
        var upload = await tus.CreateForAsync(media.Bytes, "clip.mp4");
        using var created = await tus.HeadAsync(upload);
        Assert.NotNull(TusClient.Header(created, "Upload-Expires"));
        using var first = await tus.PatchAsync(upload, 0, media.Bytes.AsMemory(0, 1000));
        host.Time.Advance(TimeSpan.FromSeconds(1.5));

        using var head = await tus.HeadAsync(upload);
        using var patch = await tus.PatchAsync(upload, 1000, media.Bytes.AsMemory(1000, 1000));
        await host.Services.GetRequiredService<IMediator>().Send(new ExpireUploadsCommand());

        Assert.Contains(head.StatusCode, new[] { HttpStatusCode.Gone, HttpStatusCode.NotFound });
        Assert.Contains(patch.StatusCode, new[] { HttpStatusCode.Gone, HttpStatusCode.NotFound });
        Assert.False(Directory.Exists(Path.Combine(host.Data, "uploads", upload.Segments[^1])));
        var custody = await host.Services.GetRequiredService<ICustodyLog>().ReadAsync(upload.Segments[^1], CancellationToken.None);
        Assert.Contains(custody, r => r.Entry.Action == CustodyActions.UploadExpired && r.Entry.Details.Contains("\"offset\":1000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_OpenUploadsAlreadyPromisedTheSpace_Returns507()
    {
        // Room for one and a half declared gigabytes above the reserve: the second declaration must not fit.
        var room = 3L << 29;
        var available = new DriveInfo(Path.GetTempPath()).AvailableFreeSpace;
        await using var host = await StartAsync(new UploadLimits { ReservedFreeBytes = available - room });
        var tus = new TusClient(host.Client);
        var metadata = TusClient.Metadata(("filename", "clip.mp4"), ("sha256", TusClient.Sha256Hex(media.Bytes)));

        using var first = await tus.CreateAsync(1L << 30, metadata);
        using var second = await tus.CreateAsync(1L << 30, metadata);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.InsufficientStorage, second.StatusCode);
        Assert.Contains("promised to unfinished uploads", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_MoreOpenUploadsThanOneUserMay_409AndNothingCreated()
    {
        await using var host = await StartAsync(new UploadLimits { MaxOpenUploadsPerUser = 2 });
        var tus = new TusClient(host.Client);
        var metadata = TusClient.Metadata(("filename", "clip.mp4"), ("sha256", TusClient.Sha256Hex(media.Bytes)));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var created = await tus.CreateAsync(media.Bytes.Length, metadata);
            statuses.Add(created.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Conflict], statuses);
        Assert.Equal(2, TusClient.UploadFolders(host.Data).Length);
    }

    [Fact]
    public async Task HeadAndPatch_ThousandUnknownIds_404AndNoPerIdStateLeft()
    {
        await using var host = await StartAsync(new UploadLimits());
        var tus = new TusClient(host.Client);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 500; i++)
        {
            var unknown = new Uri($"/uploads/{Guid.NewGuid():N}", UriKind.Relative);
            using var head = await tus.HeadAsync(unknown);
            using var patch = await tus.PatchAsync(unknown, 0, media.Bytes.AsMemory(0, 10));
            statuses.AddRange([head.StatusCode, patch.StatusCode]);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.Equal(0, host.Services.GetRequiredService<UploadGate>().LockedUploads);
    }

    private static async Task<OwnedHost> StartAsync(UploadLimits limits)
    {
        var host = new ApiHost { Uploads = limits };
        await host.InitializeAsync();
        return new OwnedHost(host);
    }

    /// <summary>An <see cref="ApiHost"/> a test starts with its own limits and disposes itself.</summary>
    private sealed class OwnedHost(ApiHost host) : IAsyncDisposable
    {
        public HttpClient Client => host.Client;

        public string Data => host.Data;

        public IServiceProvider Services => host.Services;

        public Microsoft.Extensions.Time.Testing.FakeTimeProvider Time => host.Time;

        public async ValueTask DisposeAsync() => await host.DisposeAsync();
    }
}
