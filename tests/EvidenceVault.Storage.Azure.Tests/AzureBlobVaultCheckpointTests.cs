using System.Runtime.Versioning;
using Azure.Storage.Blobs;
using EvidenceVault.Application.Custody;
using EvidenceVault.Testing.Vault;

namespace EvidenceVault.Storage.Azure.Tests;

[UnsupportedOSPlatform("windows")]
public sealed class AzureBlobVaultCheckpointTests : CheckpointStoreContractTests, IClassFixture<AzuriteContainer>, IAsyncLifetime
{
    private readonly AzuriteContainer azurite;
    private readonly string container = $"checkpoints-{Guid.NewGuid():N}"[..30];

    public AzureBlobVaultCheckpointTests(AzuriteContainer azurite)
    {
        this.azurite = azurite;

        // Each test gets its own container, so listings see only that test's checkpoints.
        Store = new AzureBlobVault(
            new AzureVaultOptions { ConnectionString = azurite.ConnectionString, Container = container, MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(100) },
            TimeProvider.System);
    }

    protected override ICheckpointStore Store { get; }

    [Fact]
    public async Task PutCheckpointAsync_Stored_BlobUnderCheckpointsPrefix()
    {
        var name = CheckpointNames.For(1, DateTimeOffset.UnixEpoch);
        var store = new AzureBlobVault(new AzureVaultOptions { ConnectionString = azurite.ConnectionString, Container = azurite.Name }, TimeProvider.System);

        await store.PutCheckpointAsync(name, new byte[] { 1, 2, 3 }, Ct);

        Assert.True(await azurite.Client.GetBlobClient($"checkpoints/{name}").ExistsAsync());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(container).DeleteIfExistsAsync();
}
