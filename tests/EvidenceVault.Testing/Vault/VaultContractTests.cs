using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Recordings;
using static EvidenceVault.Testing.Vault.VaultTestFiles;

namespace EvidenceVault.Testing.Vault;

/// <summary>
/// The behaviour every <see cref="IVault"/> adapter must show; each adapter's test class derives from
/// this, so the local and the Azure vault are held to exactly the same contract. Each derived class joins
/// <see cref="AllocationBudgetCollection"/>: the allocation budgets read a process-wide counter, which
/// other test classes running alongside would inflate.
/// </summary>
public abstract class VaultContractTests : IDisposable
{
    /// <summary>The xUnit collection, declared non-parallel in each adapter's test assembly.</summary>
    public const string AllocationBudgetCollection = "Vault allocation budgets";

    private const int LargeFileLength = 20 * 1024 * 1024;

    protected VaultTestFiles Files { get; } = new();

    protected abstract IVault Vault { get; }

    /// <summary>How many bytes storing the 20 MiB file may allocate: well below its size unless overridden.</summary>
    protected virtual long PutAllocationBudget => 4L * 1024 * 1024;

    /// <summary>How many bytes one streamed read of the 20 MiB file may allocate: well below its size.</summary>
    protected virtual long ReadAllocationBudget => 4L * 1024 * 1024;

    protected static CancellationToken Ct => CancellationToken.None;

    /// <summary>Simulates damage: the object stored under <paramref name="digest"/> now holds <paramref name="bytes"/>.</summary>
    protected abstract Task DamageStoredOriginalAsync(Sha256Digest digest, byte[] bytes);

    [Fact]
    public async Task PutOriginalAsync_NewContent_CreatedAndReadsBackWithSameHash()
    {
        var bytes = RandomBytes(100_000);
        var digest = DigestOf(bytes);
        var staged = Files.Stage(bytes);

        var outcome = await Vault.PutOriginalAsync(digest, staged, Ct);

        Assert.Equal(VaultPutOutcome.Created, outcome);
        Assert.False(File.Exists(staged.Path), "the staged file must be consumed");
        await using (var stream = await Vault.OpenOriginalAsync(digest, Ct))
        {
            Assert.Equal(digest, await DigestOfAsync(stream));
        }

        Assert.Equal(new VaultObjectInfo(bytes.Length, digest), await Vault.GetOriginalInfoAsync(digest, Ct));
    }

    [Fact]
    public async Task PutOriginalAsync_SameContentTwice_AlreadyPresentAndStagedConsumed()
    {
        var bytes = RandomBytes(50_000);
        var digest = DigestOf(bytes);
        await Vault.PutOriginalAsync(digest, Files.Stage(bytes), Ct);
        var second = Files.Stage(bytes);

        var outcome = await Vault.PutOriginalAsync(digest, second, Ct);

        Assert.Equal(VaultPutOutcome.AlreadyPresent, outcome);
        Assert.False(File.Exists(second.Path), "a duplicate staged file must be consumed");
        Assert.Equal(bytes, await ReadOriginalAsync(digest));
    }

    [Fact]
    public async Task PutOriginalAsync_StoredObjectNoLongerMatchesDigest_ThrowsIntegrityAndKeepsStaged()
    {
        var bytes = RandomBytes(40_000);
        var digest = DigestOf(bytes);
        await Vault.PutOriginalAsync(digest, Files.Stage(bytes), Ct);
        await DamageStoredOriginalAsync(digest, RandomBytes(40_001));
        var staged = Files.Stage(bytes);

        var error = await Assert.ThrowsAsync<VaultIntegrityException>(() => Vault.PutOriginalAsync(digest, staged, Ct));

        Assert.Equal(digest, error.Expected);
        Assert.NotEqual(digest.Hex, error.Actual);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(staged.Path));
    }

    [Fact]
    public async Task PutOriginalAsync_StoredObjectSwappedForSameLength_ThrowsIntegrityAndKeepsStaged()
    {
        // An insider who swaps the bytes but keeps the length (and, on Azure, the declared digest) must still be caught.
        var bytes = RandomBytes(40_000);
        var digest = DigestOf(bytes);
        await Vault.PutOriginalAsync(digest, Files.Stage(bytes), Ct);
        await DamageStoredOriginalAsync(digest, RandomBytes(40_000));
        var staged = Files.Stage(bytes);

        var error = await Assert.ThrowsAsync<VaultIntegrityException>(() => Vault.PutOriginalAsync(digest, staged, Ct));

        Assert.Equal(digest, error.Expected);
        Assert.True(File.Exists(staged.Path), "a refused staged file must be kept");
    }

    [Fact]
    public async Task ReplaceDerivativeAsync_Existing_ReadsBackTheNewBytes()
    {
        var original = DigestOf(RandomBytes(16));
        await Vault.PutDerivativeAsync(original, DerivativeKind.Proxy, Files.Stage(RandomBytes(700)), Ct);
        var replacement = RandomBytes(900);
        var staged = Files.Stage(replacement);

        await Vault.ReplaceDerivativeAsync(original, DerivativeKind.Proxy, staged, Ct);

        Assert.Equal(replacement, await ReadDerivativeAsync(original, DerivativeKind.Proxy));
        Assert.False(File.Exists(staged.Path), "the staged file must be consumed");
    }

    [Fact]
    public async Task ReplaceDerivativeAsync_Missing_CreatesIt()
    {
        var original = DigestOf(RandomBytes(16));
        var thumbnail = RandomBytes(300);

        await Vault.ReplaceDerivativeAsync(original, DerivativeKind.Thumbnail, Files.Stage(thumbnail), Ct);

        Assert.Equal(thumbnail, await ReadDerivativeAsync(original, DerivativeKind.Thumbnail));
    }

    [Fact]
    public async Task GetOriginalInfoAsync_Missing_ReturnsNull()
    {
        Assert.Null(await Vault.GetOriginalInfoAsync(DigestOf(RandomBytes(16)), Ct));
    }

    [Fact]
    public async Task OpenOriginalAsync_Missing_ThrowsObjectMissing()
    {
        var digest = DigestOf(RandomBytes(16));

        var error = await Assert.ThrowsAsync<VaultObjectMissingException>(() => Vault.OpenOriginalAsync(digest, Ct));

        Assert.Equal(digest, error.Digest);
    }

    [Fact]
    public async Task CheckoutOriginalAsync_Missing_ThrowsObjectMissing()
    {
        var digest = DigestOf(RandomBytes(16));

        var error = await Assert.ThrowsAsync<VaultObjectMissingException>(() => Vault.CheckoutOriginalAsync(digest, Ct));

        Assert.Equal(digest, error.Digest);
    }

    [Fact]
    public async Task CheckoutOriginalAsync_Stored_LocalFileHasSameBytes()
    {
        var bytes = RandomBytes(70_000);
        var digest = DigestOf(bytes);
        await Vault.PutOriginalAsync(digest, Files.Stage(bytes), Ct);

        var copy = await Vault.CheckoutOriginalAsync(digest, Ct);
        await using (copy)
        {
            Assert.Equal(bytes, await File.ReadAllBytesAsync(copy.Path));
        }

        // A temporary copy is cleaned up; the vault's own file must survive the caller's dispose.
        Assert.Equal(!copy.IsTemporary, File.Exists(copy.Path));
    }

    [Fact]
    public async Task PutDerivativeAsync_NewProxy_CreatedAndReadsBack()
    {
        var original = DigestOf(RandomBytes(16));
        var bytes = RandomBytes(30_000);
        var staged = Files.Stage(bytes);

        var outcome = await Vault.PutDerivativeAsync(original, DerivativeKind.Proxy, staged, Ct);

        Assert.Equal(VaultPutOutcome.Created, outcome);
        Assert.False(File.Exists(staged.Path));
        Assert.Equal(bytes, await ReadDerivativeAsync(original, DerivativeKind.Proxy));
        Assert.Null(await Vault.OpenDerivativeAsync(original, DerivativeKind.Thumbnail, Ct));
    }

    [Fact]
    public async Task PutDerivativeAsync_SecondPut_AlreadyPresentWithoutOverwrite()
    {
        var original = DigestOf(RandomBytes(16));
        var first = RandomBytes(5_000);
        await Vault.PutDerivativeAsync(original, DerivativeKind.Thumbnail, Files.Stage(first), Ct);
        var second = Files.Stage(RandomBytes(6_000));

        var outcome = await Vault.PutDerivativeAsync(original, DerivativeKind.Thumbnail, second, Ct);

        Assert.Equal(VaultPutOutcome.AlreadyPresent, outcome);
        Assert.False(File.Exists(second.Path));
        Assert.Equal(first, await ReadDerivativeAsync(original, DerivativeKind.Thumbnail));
    }

    [Fact]
    public async Task OpenDerivativeAsync_NotMade_ReturnsNull()
    {
        Assert.Null(await Vault.OpenDerivativeAsync(DigestOf(RandomBytes(16)), DerivativeKind.Proxy, Ct));
    }

    [Fact]
    public async Task PutOriginalAsync_20MiBFile_StreamsWithBoundedAllocations()
    {
        var (staged, digest) = await Files.StageLargeAsync(LargeFileLength);

        var beforePut = GC.GetTotalAllocatedBytes(precise: true);
        Assert.Equal(VaultPutOutcome.Created, await Vault.PutOriginalAsync(digest, staged, Ct));
        var beforeRead = GC.GetTotalAllocatedBytes(precise: true);
        await using (var stream = await Vault.OpenOriginalAsync(digest, Ct))
        {
            Assert.Equal(digest, await DigestOfAsync(stream));
        }

        var afterRead = GC.GetTotalAllocatedBytes(precise: true);
        var (put, read) = (beforeRead - beforePut, afterRead - beforeRead);
        Assert.True(put < PutAllocationBudget, $"put of {LargeFileLength} bytes allocated {put} bytes");
        Assert.True(read < ReadAllocationBudget, $"streamed read of {LargeFileLength} bytes allocated {read} bytes");
        await using var copy = await Vault.CheckoutOriginalAsync(digest, Ct);
        await using var file = File.OpenRead(copy.Path);
        Assert.Equal(digest, await DigestOfAsync(file));
    }

    [Fact]
    public async Task PutOriginalAsync_StagedLengthMismatch_ThrowsAndStoresNothing()
    {
        var bytes = RandomBytes(10_000);
        var digest = DigestOf(bytes);
        var staged = Files.Stage(bytes) with { Length = bytes.Length + 1 };

        await Assert.ThrowsAsync<VaultException>(() => Vault.PutOriginalAsync(digest, staged, Ct));

        Assert.Null(await Vault.GetOriginalInfoAsync(digest, Ct));
        Assert.True(File.Exists(staged.Path), "a refused staged file must be kept");
    }

    [Fact]
    public async Task PutDerivativeAsync_StagedLengthMismatch_ThrowsAndStoresNothing()
    {
        var original = DigestOf(RandomBytes(16));
        var staged = Files.Stage(RandomBytes(1_000)) with { Length = 999 };

        await Assert.ThrowsAsync<VaultException>(() => Vault.PutDerivativeAsync(original, DerivativeKind.Proxy, staged, Ct));

        Assert.Null(await Vault.OpenDerivativeAsync(original, DerivativeKind.Proxy, Ct));
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Files.Dispose();
        }
    }

    protected async Task<byte[]> ReadOriginalAsync(Sha256Digest digest)
    {
        await using var stream = await Vault.OpenOriginalAsync(digest, Ct);
        return await ReadAllAsync(stream);
    }

    private async Task<byte[]> ReadDerivativeAsync(Sha256Digest original, DerivativeKind kind)
    {
        await using var stream = await Vault.OpenDerivativeAsync(original, kind, Ct);
        Assert.NotNull(stream);
        return await ReadAllAsync(stream);
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
