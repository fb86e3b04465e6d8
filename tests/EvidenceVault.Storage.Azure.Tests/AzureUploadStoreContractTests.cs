using System.Runtime.Versioning;
using Azure.Storage.Blobs;
using EvidenceVault.Application.Uploads;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Uploads;
using EvidenceVault.Storage.Azure.Uploads;
using EvidenceVault.Testing.Uploads;

namespace EvidenceVault.Storage.Azure.Tests;

[UnsupportedOSPlatform("windows")]
public sealed class AzureUploadStoreContractTests : UploadStoreContractTests, IClassFixture<AzuriteContainer>, IAsyncLifetime
{
    private readonly AzuriteContainer _azurite;

    // A container per test: listing expired uploads sees every upload in it.
    private readonly string _container = $"uploads-{Guid.NewGuid():N}";

    public AzureUploadStoreContractTests(AzuriteContainer azurite)
    {
        _azurite = azurite;
        Store = NewStore();
    }

    protected override IUploadStore Store { get; }

    private BlobContainerClient Container => new BlobServiceClient(_azurite.ConnectionString).GetBlobContainerClient(_container);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Container.DeleteIfExistsAsync();

    [Fact]
    public async Task Append_OnTwoStoresSharingTheContainer_EitherContinuesWhereTheOtherStopped()
    {
        var other = NewStore();
        var upload = await CreateAsync();

        await Store.AppendAsync(upload.Id, 0, new MemoryStream(Bytes[..3000]), null, Ct);
        await other.AppendAsync(upload.Id, 3000, new MemoryStream(Bytes[3000..6000]), null, Ct);
        await Store.AppendAsync(upload.Id, 6000, new MemoryStream(Bytes[6000..]), null, Ct);

        Assert.True((await other.FindAsync(upload.Id, Ct))!.IsComplete);
        Assert.Equal(Bytes, await ReadAllAsync(await other.OpenReadAsync(upload.Id, Ct)));
    }

    [Fact]
    public async Task Complete_VaultInTheSameAccount_AdoptedByAServerSideCopy()
    {
        var vault = new AzureBlobVault(new AzureVaultOptions { ConnectionString = _azurite.ConnectionString, Container = _azurite.Name + "v" }, TimeProvider.System);
        var upload = await CreateAsync();
        await Store.AppendAsync(upload.Id, 0, new MemoryStream(Bytes), null, Ct);

        var adoption = await vault.AdoptOriginalAsync(await Store.CompleteAsync(upload.Id, Ct), Ct);

        Assert.Equal(new VaultAdoption(VaultPutOutcome.Created, AdoptionMethod.Moved), adoption);
        await using var stored = await vault.OpenOriginalAsync(upload.Upload.DeclaredSha256, Ct);
        Assert.Equal(Bytes, await ReadAllAsync(stored));
    }

    protected override async Task<UploadId> SimulateInterruptedCreationAsync()
    {
        var interrupted = UploadId.New();
        await Container.GetBlobClient($"{interrupted.Value}/data").UploadAsync(BinaryData.FromBytes([1, 2, 3]));
        return interrupted;
    }

    private AzureUploadStore NewStore() => new(new AzureUploadStoreOptions { ConnectionString = _azurite.ConnectionString, Container = _container }, TimeProvider.System);
}
