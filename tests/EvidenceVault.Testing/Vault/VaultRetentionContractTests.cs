using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Recordings;
using static EvidenceVault.Testing.Vault.VaultTestFiles;

namespace EvidenceVault.Testing.Vault;

/// <summary>
/// The storage layer's own refusal to destroy what the rules keep: every <see cref="IVaultRetention"/>
/// adapter derives from this, so local and Azure vaults refuse exactly the same deletes.
/// </summary>
public abstract class VaultRetentionContractTests : IDisposable
{
    protected VaultTestFiles Files { get; } = new();

    protected abstract IVault Vault { get; }

    protected IVaultRetention Retention => (IVaultRetention)Vault;

    protected static CancellationToken Ct => CancellationToken.None;

    private static DateTimeOffset Past => TimeProvider.System.GetUtcNow().AddMinutes(-5);

    private static DateTimeOffset Future => TimeProvider.System.GetUtcNow().AddDays(30);

    [Fact]
    public async Task GetLockAsync_NeverSet_Null()
    {
        var digest = await StoreAsync();

        Assert.Null(await Retention.GetLockAsync(digest, Ct));
    }

    [Fact]
    public async Task DestroyOriginalAsync_NoLockEverSet_RefusedAndStillReadable()
    {
        var digest = await StoreAsync();

        var error = await Assert.ThrowsAsync<VaultDeletionRefusedException>(() => Retention.DestroyOriginalAsync(digest, Ct));

        Assert.Contains("no retention lock", error.Message, StringComparison.Ordinal);
        Assert.NotNull(await Vault.GetOriginalInfoAsync(digest, Ct));
    }

    [Fact]
    public async Task DestroyOriginalAsync_RetainUntilInFuture_Refused()
    {
        var digest = await StoreAsync();
        await Retention.ApplyLockAsync(digest, new RetentionLock(Future, []), Ct);

        var error = await Assert.ThrowsAsync<VaultDeletionRefusedException>(() => Retention.DestroyOriginalAsync(digest, Ct));

        Assert.Contains("retained until", error.Message, StringComparison.Ordinal);
        Assert.NotNull(await Vault.GetOriginalInfoAsync(digest, Ct));
    }

    [Fact]
    public async Task DestroyOriginalAsync_HoldTagAfterRetainUntilPassed_Refused()
    {
        var digest = await StoreAsync();
        await Retention.ApplyLockAsync(digest, new RetentionLock(Past, ["legal-hold"]), Ct);

        var error = await Assert.ThrowsAsync<VaultDeletionRefusedException>(() => Retention.DestroyOriginalAsync(digest, Ct));

        Assert.Contains("legal-hold", error.Message, StringComparison.Ordinal);
        Assert.NotNull(await Vault.GetOriginalInfoAsync(digest, Ct));
    }

    [Fact]
    public async Task ApplyLockAsync_EarlierRetainUntil_KeepsTheLaterOneButReplacesHolds()
    {
        var digest = await StoreAsync();
        var later = TimeProvider.System.GetUtcNow().AddDays(400);
        await Retention.ApplyLockAsync(digest, new RetentionLock(later, ["permanent", "legal-hold"]), Ct);

        var applied = await Retention.ApplyLockAsync(digest, new RetentionLock(Past, []), Ct);
        var stored = await Retention.GetLockAsync(digest, Ct);

        Assert.Equal(later.ToUnixTimeSeconds(), applied.RetainUntil.ToUnixTimeSeconds());
        Assert.Equal(later.ToUnixTimeSeconds(), stored!.RetainUntil.ToUnixTimeSeconds());
        Assert.Empty(stored.Holds);
        await Assert.ThrowsAsync<VaultDeletionRefusedException>(() => Retention.DestroyOriginalAsync(digest, Ct));
    }

    [Fact]
    public async Task DestroyOriginalAsync_LockAllows_OriginalAndDerivativesGoneAndSecondCallIsNoOp()
    {
        var digest = await StoreAsync();
        await Vault.PutDerivativeAsync(digest, DerivativeKind.Thumbnail, Files.Stage(RandomBytes(500)), Ct);
        var other = await StoreAsync();
        await Retention.ApplyLockAsync(digest, new RetentionLock(Past, []), Ct);

        await Retention.DestroyOriginalAsync(digest, Ct);
        await Retention.DestroyOriginalAsync(digest, Ct);

        Assert.Null(await Vault.GetOriginalInfoAsync(digest, Ct));
        Assert.Null(await Vault.OpenDerivativeAsync(digest, DerivativeKind.Thumbnail, Ct));
        Assert.NotNull(await Vault.GetOriginalInfoAsync(other, Ct));
    }

    [Fact]
    public async Task DescribeEnforcementAsync_Always_SaysHowDestructionIsRefused()
    {
        Assert.Contains("destruction", await Retention.DescribeEnforcementAsync(Ct), StringComparison.Ordinal);
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

    private async Task<Sha256Digest> StoreAsync()
    {
        var bytes = RandomBytes(10_000);
        var digest = DigestOf(bytes);
        await Vault.PutOriginalAsync(digest, Files.Stage(bytes), Ct);
        return digest;
    }
}
