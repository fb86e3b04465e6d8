using System.Net;
using System.Security.Cryptography;
using Azure.Storage.Blobs;
using EvidenceVault.Application.Custody;

namespace EvidenceVault.Api.Tests;

/// <summary>
/// A vault whose streams cannot seek (Azure Blob, on Azurite): a download is copied to the spool while hashed, the copy
/// is streamed and deleted on close, and a changed blob is refused before any byte leaves.
/// </summary>
public sealed class AzureDownloadTests : IAsyncLifetime
{
    private const string Container = "downloads";
    private readonly AzuriteProcess _azurite = new();
    private ApiHost _host = null!;

    public async Task InitializeAsync()
    {
        await _azurite.StartAsync();
        _host = new ApiHost { VaultUri = $"azure://{Container}", AzureConnectionString = _azurite.ConnectionString };
        await _host.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _azurite.Dispose();
    }

    [Fact]
    public async Task Original_AzureVault_StreamsVerifiedCopyAndLeavesNoSpool()
    {
        var bytes = await _host.Client.GetByteArrayAsync($"/recordings/{_host.RecordingId}/original");
        var again = await _host.Client.GetByteArrayAsync($"/recordings/{_host.RecordingId}/original");

        Assert.Equal(_host.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(bytes, again);
        Assert.Equal(2, (await _host.CustodyAsync()).Count(e => e.Action == CustodyActions.Retrieved));
        Assert.Empty(Directory.GetFiles(Path.Combine(_host.Data, "downloads")));
    }

    [Fact]
    public async Task Original_BlobChangedAfterAVerifiedDownload_RefusedAndNoSpool()
    {
        using (var first = await _host.Client.GetAsync($"/recordings/{_host.RecordingId}/original"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        // Azurite enforces no immutability policy, so an attacker with the account key can overwrite the blob.
        var blob = new BlobContainerClient(_azurite.ConnectionString, Container).GetBlobClient($"originals/sha256/{_host.Sha256[..2]}/{_host.Sha256[2..4]}/{_host.Sha256}");
        var properties = (await blob.GetPropertiesAsync()).Value;
        var stored = (await blob.DownloadContentAsync()).Value.Content.ToArray();
        stored[^1] ^= 0xFF;
        await blob.UploadAsync(new BinaryData(stored), overwrite: true);
        await blob.SetMetadataAsync(properties.Metadata);

        using var second = await _host.Client.GetAsync($"/recordings/{_host.RecordingId}/original");

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains(await _host.CustodyAsync(), e => e.Action == CustodyActions.IntegrityFailure);
        Assert.Empty(Directory.GetFiles(Path.Combine(_host.Data, "downloads")));
    }
}
