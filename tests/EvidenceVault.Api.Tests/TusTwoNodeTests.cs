using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Uploads;
using EvidenceVault.Domain.Access;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Api.Tests;

/// <summary>
/// Two API nodes sharing one catalog, one Azure vault and one Azure upload store (Azurite): an upload may be continued
/// on either node, with no sticky routing, and is stored once with the right digest.
/// </summary>
public sealed class TusTwoNodeTests(UploadMedia media) : IClassFixture<UploadMedia>, IAsyncLifetime
{
    private readonly AzuriteProcess _azurite = new();
    private ApiHost _a = null!;
    private ApiHost _b = null!;

    public async Task InitializeAsync()
    {
        await _azurite.StartAsync();
        _a = new ApiHost { VaultUri = "azure://vault", UploadStoreUri = "azure://uploads", AzureConnectionString = _azurite.ConnectionString };
        await _a.InitializeAsync();
        _b = new ApiHost { Primary = _a };
        await _b.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        _azurite.Dispose();
    }

    [Fact]
    public async Task Upload_CreatedOnAContinuedOnBResumedOnACompletedOnB_StoredOnceWithTheRightDigest()
    {
        var (onA, onB) = (new TusClient(_a.Client), new TusClient(_b.Client));
        var bytes = media.Bytes;
        var third = bytes.Length / 3;
        var upload = await onA.CreateForAsync(bytes, "clip.mp4");

        using (var first = await onB.PatchAsync(upload, 0, bytes.AsMemory(0, third)))
        using (var second = await onA.PatchAsync(upload, third, bytes.AsMemory(third, third)))
        {
            Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (first.StatusCode, second.StatusCode));
        }

        using var stale = await onB.PatchAsync(upload, third, bytes.AsMemory(third, third));
        using var last = await onB.PatchAsync(upload, 2 * third, bytes.AsMemory(2 * third));
        using var head = await onA.HeadAsync(upload);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("stored", TusClient.Header(last, "EvidenceVault-Status"));
        Assert.Equal(TusClient.Header(last, "EvidenceVault-Recording"), TusClient.Header(head, "EvidenceVault-Recording"));
        var listed = await (await _a.ClientForAsync(Role.Archivist)).GetFromJsonAsync<JsonElement>("/recordings");
        var sha256 = listed.GetProperty("recordings").EnumerateArray().Select(r => r.GetProperty("sha256").GetString()).ToList();
        Assert.Equal(1, sha256.Count(s => s == TusClient.Sha256Hex(bytes)));
        var vault = new BlobServiceClient(_azurite.ConnectionString).GetBlobContainerClient("vault");
        var originals = new List<string>();
        await foreach (var blob in vault.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "originals/", CancellationToken.None))
        {
            originals.Add(blob.Name);
        }

        Assert.Contains(originals, n => n.EndsWith(TusClient.Sha256Hex(bytes), StringComparison.Ordinal));
        Assert.Equal(2, originals.Count);
        var completed = (await _a.Services.GetRequiredService<ICustodyLog>().ReadAsync(upload.Segments[^1], CancellationToken.None))
            .Select(r => r.Entry).Single(e => e.Action == CustodyActions.UploadCompleted);
        Assert.Equal("moved", CustodyEntries.Read<UploadCompletedDetails>(completed)!.Handover);
    }
}
