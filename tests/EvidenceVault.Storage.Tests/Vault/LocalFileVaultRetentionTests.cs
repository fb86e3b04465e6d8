using System.Runtime.Versioning;
using EvidenceVault.Application.Vault;
using EvidenceVault.Storage.Vault;
using EvidenceVault.Testing.Vault;
using static EvidenceVault.Testing.Vault.VaultTestFiles;

namespace EvidenceVault.Storage.Tests.Vault;

[UnsupportedOSPlatform("windows")]
public sealed class LocalFileVaultRetentionTests : VaultRetentionContractTests
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "evidencevault-retention-tests", Guid.NewGuid().ToString("N"));

    public LocalFileVaultRetentionTests()
    {
        Vault = new LocalFileVault(new LocalVaultOptions(root), TimeProvider.System);
    }

    protected override IVault Vault { get; }

    [Fact]
    public async Task DestroyOriginalAsync_DamagedLockFile_RefusedNotTakenAsNoLock()
    {
        var bytes = RandomBytes(1_000);
        var digest = DigestOf(bytes);
        await Vault.PutOriginalAsync(digest, Files.Stage(bytes), Ct);
        await Retention.ApplyLockAsync(digest, new RetentionLock(TimeProvider.System.GetUtcNow().AddDays(-1), []), Ct);
        var lockFile = Directory.GetFiles(Path.Combine(root, "locks"), "*.json", SearchOption.AllDirectories).Single();
        await File.WriteAllTextAsync(lockFile, "{ broken", Ct);

        var error = await Assert.ThrowsAsync<VaultException>(() => Retention.DestroyOriginalAsync(digest, Ct));

        Assert.Contains("unreadable", error.Message, StringComparison.Ordinal);
        Assert.NotNull(await Vault.GetOriginalInfoAsync(digest, Ct));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Directory.Exists(root))
        {
            foreach (var file in Directory.GetFiles(root, "*", SearchOption.AllDirectories))
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            Directory.Delete(root, recursive: true);
        }

        base.Dispose(disposing);
    }
}
