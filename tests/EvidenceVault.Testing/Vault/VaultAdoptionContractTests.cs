using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Recordings;
using static EvidenceVault.Testing.Vault.VaultTestFiles;

namespace EvidenceVault.Testing.Vault;

/// <summary>
/// How every vault adopts received bytes (a finished upload): verified once, stored write-once, the received bytes
/// released only after that, and nothing stored when they do not hash to their digest.
/// </summary>
public abstract class VaultAdoptionContractTests : IDisposable
{
    protected VaultTestFiles Files { get; } = new();

    protected abstract IVault Vault { get; }

    protected static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task AdoptOriginalAsync_ReceivedFile_CreatedReadsBackAndReceivedBytesReleased()
    {
        var bytes = RandomBytes(200_000);
        var staged = Receive(bytes);

        var adoption = await Vault.AdoptOriginalAsync(staged, Ct);

        Assert.Equal(VaultPutOutcome.Created, adoption.Outcome);
        Assert.NotEqual(AdoptionMethod.AlreadyPresent, adoption.Method);
        Assert.True(staged.Released || !File.Exists(staged.LocalPath), "the received bytes are consumed");
        Assert.Equal(bytes, await ReadOriginalAsync(staged.Sha256));
        Assert.Equal(new VaultObjectInfo(bytes.Length, staged.Sha256), await Vault.GetOriginalInfoAsync(staged.Sha256, Ct));
    }

    [Fact]
    public async Task AdoptOriginalAsync_BytesDoNotHashToTheirDigest_ThrowsIntegrityNothingStoredBytesKept()
    {
        var bytes = RandomBytes(30_000);
        var declared = DigestOf(RandomBytes(30_000));
        var path = Files.Stage(bytes).Path;
        var staged = new StagedTestFile(path, declared, bytes.Length);

        await Assert.ThrowsAsync<VaultIntegrityException>(() => Vault.AdoptOriginalAsync(staged, Ct));

        Assert.Null(await Vault.GetOriginalInfoAsync(declared, Ct));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task AdoptOriginalAsync_SameContentAlreadyStored_AlreadyPresentAndReleased()
    {
        var bytes = RandomBytes(20_000);
        await Vault.AdoptOriginalAsync(Receive(bytes), Ct);
        var second = Receive(bytes);

        var adoption = await Vault.AdoptOriginalAsync(second, Ct);

        Assert.Equal(new VaultAdoption(VaultPutOutcome.AlreadyPresent, AdoptionMethod.AlreadyPresent), adoption);
        Assert.False(File.Exists(second.LocalPath));
        Assert.Equal(bytes, await ReadOriginalAsync(second.Sha256));
    }

    [Fact]
    public async Task AdoptOriginalAsync_BytesHandedOverByAnAttemptThatStopped_AlreadyPresentFromTheVault()
    {
        var bytes = RandomBytes(20_000);
        var staged = Receive(bytes);
        await Vault.AdoptOriginalAsync(staged, Ct);

        // The rerun after a crash before the catalog write: the store no longer has the bytes, the vault does.
        var adoption = await Vault.AdoptOriginalAsync(staged, Ct);

        Assert.Equal(AdoptionMethod.AlreadyPresent, adoption.Method);
        Assert.Equal(bytes, await ReadOriginalAsync(staged.Sha256));
    }

    [Fact]
    public async Task AdoptOriginalAsync_BytesGoneAndNothingStored_ThrowsVaultException()
    {
        var staged = Receive(RandomBytes(1_000));
        File.Delete(staged.LocalPath!);

        var error = await Assert.ThrowsAnyAsync<VaultException>(() => Vault.AdoptOriginalAsync(staged, Ct));

        Assert.Contains("no received bytes", error.Message, StringComparison.Ordinal);
    }

    protected StagedTestFile Receive(byte[] bytes)
    {
        var file = Files.Stage(bytes);
        return new StagedTestFile(file.Path, DigestOf(bytes), bytes.Length);
    }

    protected async Task<byte[]> ReadOriginalAsync(Sha256Digest digest)
    {
        await using var stream = await Vault.OpenOriginalAsync(digest, Ct);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Files.Dispose();
        }
    }
}
