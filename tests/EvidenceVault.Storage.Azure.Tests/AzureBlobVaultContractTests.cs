using System.Runtime.Versioning;
using Azure.Storage.Blobs.Models;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Testing.Vault;
using static EvidenceVault.Testing.Vault.VaultTestFiles;

namespace EvidenceVault.Storage.Azure.Tests;

[UnsupportedOSPlatform("windows")]
[Collection(AllocationBudgetCollection)]
public sealed class AzureBlobVaultContractTests : VaultContractTests, IClassFixture<AzuriteContainer>
{
    private readonly AzuriteContainer azurite;
    private readonly string checkoutDirectory;

    public AzureBlobVaultContractTests(AzuriteContainer azurite)
    {
        this.azurite = azurite;
        checkoutDirectory = Path.Combine(Files.StagingDirectory, "checkout");
        Vault = new AzureBlobVault(
            new AzureVaultOptions
            {
                ConnectionString = azurite.ConnectionString,
                Container = azurite.Name,
                CheckoutDirectory = checkoutDirectory,
                MaxRetries = 2,
                RetryDelay = TimeSpan.FromMilliseconds(100),
            },
            TimeProvider.System);
    }

    protected override IVault Vault { get; }

    /// <summary>
    /// The SDK allocates (and drops) a buffer per MD5-checked block, 1.5-2x the file in total (31-43 MB
    /// measured for 20 MiB) while live memory stays at concurrency x block size; the adapter hands it a
    /// FileStream. The read path is ours and keeps the contract's tight budget.
    /// </summary>
    protected override long PutAllocationBudget => 64L * 1024 * 1024;

    [Fact]
    public async Task PutOriginalAsync_NewContent_BlobCarriesSha256MetadataAndLength()
    {
        var bytes = RandomBytes(12_345);
        var digest = DigestOf(bytes);

        await Vault.PutOriginalAsync(digest, Files.Stage(bytes), Ct);

        BlobProperties properties = await azurite.Client.GetBlobClient(Key(digest)).GetPropertiesAsync();
        Assert.Equal(digest.Hex, properties.Metadata[AzureBlobVault.Sha256MetadataKey]);
        Assert.Equal(bytes.Length, properties.ContentLength);
    }

    [Fact]
    public async Task OpenOriginalAsync_MetadataSha256Altered_ThrowsIntegrity()
    {
        var bytes = RandomBytes(5_000);
        var digest = DigestOf(bytes);
        await Vault.PutOriginalAsync(digest, Files.Stage(bytes), Ct);
        var other = DigestOf(RandomBytes(8)).Hex;
        await azurite.Client.GetBlobClient(Key(digest)).SetMetadataAsync(new Dictionary<string, string> { ["sha256"] = other });

        var error = await Assert.ThrowsAsync<VaultIntegrityException>(() => Vault.OpenOriginalAsync(digest, Ct));

        Assert.Equal(digest, error.Expected);
        Assert.Contains(other, error.Actual, StringComparison.Ordinal);
        await Assert.ThrowsAsync<VaultIntegrityException>(() => Vault.CheckoutOriginalAsync(digest, Ct));
    }

    [Fact]
    public async Task CheckoutOriginalAsync_TamperedContent_ThrowsIntegrityAndLeavesNoCopy()
    {
        var bytes = RandomBytes(9_000);
        var digest = DigestOf(bytes);
        await Vault.PutOriginalAsync(digest, Files.Stage(bytes), Ct);
        await OverwriteBlobAsync(digest, RandomBytes(9_000), declared: digest);

        var error = await Assert.ThrowsAsync<VaultIntegrityException>(() => Vault.CheckoutOriginalAsync(digest, Ct));

        Assert.NotEqual(digest.Hex, error.Actual);
        Assert.Empty(Directory.EnumerateFiles(checkoutDirectory));
    }

    [Fact]
    public async Task OpenOriginalAsync_TamperedContent_ReadingToEndThrowsIntegrity()
    {
        var bytes = RandomBytes(9_000);
        var digest = DigestOf(bytes);
        await Vault.PutOriginalAsync(digest, Files.Stage(bytes), Ct);
        await OverwriteBlobAsync(digest, RandomBytes(9_000), declared: digest);

        await using var stream = await Vault.OpenOriginalAsync(digest, Ct);

        await Assert.ThrowsAsync<VaultIntegrityException>(() => stream.CopyToAsync(Stream.Null));
    }

    [Fact]
    public async Task CheckoutOriginalAsync_Stored_TemporaryReadOnlyCopyRemovedOnDispose()
    {
        var bytes = RandomBytes(3_000);
        var digest = DigestOf(bytes);
        await Vault.PutOriginalAsync(digest, Files.Stage(bytes), Ct);

        var copy = await Vault.CheckoutOriginalAsync(digest, Ct);
        Assert.True(copy.IsTemporary);
        Assert.StartsWith(checkoutDirectory, copy.Path, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead, File.GetUnixFileMode(copy.Path));
        await copy.DisposeAsync();

        Assert.False(File.Exists(copy.Path));
    }

    [Fact]
    public async Task GetOriginalInfoAsync_Stored_DeclaredDigestComesFromMetadata()
    {
        var bytes = RandomBytes(2_000);
        var digest = DigestOf(bytes);
        await Vault.PutOriginalAsync(digest, Files.Stage(bytes), Ct);
        var other = DigestOf(RandomBytes(8));
        await azurite.Client.GetBlobClient(Key(digest)).SetMetadataAsync(new Dictionary<string, string> { ["sha256"] = other.Hex });

        var info = await Vault.GetOriginalInfoAsync(digest, Ct);

        Assert.Equal(new VaultObjectInfo(bytes.Length, other), info);
    }

    // The damage keeps the declared digest: metadata alone must not vouch for the bytes.
    protected override Task DamageStoredOriginalAsync(Sha256Digest digest, byte[] bytes) =>
        OverwriteBlobAsync(digest, bytes, declared: digest);

    private static string Key(Sha256Digest digest) => $"originals/sha256/{digest.Hex[..2]}/{digest.Hex[2..4]}/{digest.Hex}";

    private async Task OverwriteBlobAsync(Sha256Digest digest, byte[] bytes, Sha256Digest declared)
    {
        using var content = new MemoryStream(bytes);
        await azurite.Client.GetBlobClient(Key(digest)).UploadAsync(content, new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { ["sha256"] = declared.Hex },
        });
    }
}
