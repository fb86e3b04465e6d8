using System.Runtime.Versioning;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Storage.Vault;
using EvidenceVault.Testing.Vault;
using Microsoft.Extensions.DependencyInjection;
using static EvidenceVault.Testing.Vault.VaultTestFiles;

namespace EvidenceVault.Storage.Tests.Vault;

// The vault and these tests rely on POSIX file modes and fsync; the service runs on Linux.
[UnsupportedOSPlatform("windows")]
[Collection(AllocationBudgetCollection)]
public sealed class LocalFileVaultContractTests : VaultContractTests
{
    private const UnixFileMode ReadOnly = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private readonly string root = Path.Combine(Path.GetTempPath(), "evidencevault-vault-tests", Guid.NewGuid().ToString("N"));

    public LocalFileVaultContractTests()
    {
        Vault = new LocalFileVault(new LocalVaultOptions(root), TimeProvider.System);
    }

    protected override IVault Vault { get; }

    [Fact]
    public async Task PutOriginalAsync_NewContent_StoredFileIsReadOnly0444()
    {
        var bytes = RandomBytes(1_000);
        var digest = DigestOf(bytes);

        await Vault.PutOriginalAsync(digest, Files.Stage(bytes), Ct);

        Assert.Equal(ReadOnly, File.GetUnixFileMode(OriginalPath(digest)));
    }

    [Fact]
    public async Task PutAsync_OriginalAndDerivatives_FollowShardedKeyLayout()
    {
        var bytes = RandomBytes(1_000);
        var digest = DigestOf(bytes);

        await Vault.PutOriginalAsync(digest, Files.Stage(bytes), Ct);
        await Vault.PutDerivativeAsync(digest, DerivativeKind.Proxy, Files.Stage(RandomBytes(10)), Ct);
        await Vault.PutDerivativeAsync(digest, DerivativeKind.Thumbnail, Files.Stage(RandomBytes(10)), Ct);

        var expected = new[]
        {
            $"derived/{digest.Hex}/proxy.mp4",
            $"derived/{digest.Hex}/thumb.jpg",
            $"originals/sha256/{digest.Hex[..2]}/{digest.Hex[2..4]}/{digest.Hex}",
        };
        var actual = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task PutOriginalAsync_StaleTempFileFromCrash_NotAnObjectAndLaterPutSucceeds()
    {
        var bytes = RandomBytes(2_000);
        var digest = DigestOf(bytes);
        var stale = $"{OriginalPath(digest)}.tmp-{Guid.NewGuid():N}";
        Directory.CreateDirectory(Path.GetDirectoryName(stale)!);
        await File.WriteAllBytesAsync(stale, bytes.AsMemory(0, 500).ToArray());

        Assert.Null(await Vault.GetOriginalInfoAsync(digest, Ct));
        await Assert.ThrowsAsync<VaultObjectMissingException>(() => Vault.OpenOriginalAsync(digest, Ct));
        var outcome = await Vault.PutOriginalAsync(digest, Files.Stage(bytes), Ct);

        Assert.Equal(VaultPutOutcome.Created, outcome);
        Assert.Equal(bytes, await ReadOriginalAsync(digest));
    }

    [Fact]
    public async Task CheckoutOriginalAsync_Stored_ReturnsVaultFileItself()
    {
        var bytes = RandomBytes(1_000);
        var digest = DigestOf(bytes);
        await Vault.PutOriginalAsync(digest, Files.Stage(bytes), Ct);

        await using var copy = await Vault.CheckoutOriginalAsync(digest, Ct);

        Assert.False(copy.IsTemporary);
        Assert.Equal(OriginalPath(digest), copy.Path);
    }

    [Fact]
    public async Task PutOriginalAsync_StagedOnAnotherFilesystem_CopiedAndStagedRemoved()
    {
        // /dev/shm is tmpfs, so the move into the disk-backed vault crosses filesystems.
        var bytes = RandomBytes(300_000);
        var digest = DigestOf(bytes);
        var path = Path.Combine("/dev/shm", $"evidencevault-staged-{Guid.NewGuid():N}");
        await File.WriteAllBytesAsync(path, bytes);

        var outcome = await Vault.PutOriginalAsync(digest, new StagedFile(path, bytes.Length), Ct);

        Assert.Equal(VaultPutOutcome.Created, outcome);
        Assert.False(File.Exists(path));
        Assert.Equal(bytes, await ReadOriginalAsync(digest));
    }

    [Fact]
    public void AddLocalVault_Resolved_IsLocalFileVaultAtRoot()
    {
        using var provider = new ServiceCollection().AddLocalVault(new LocalVaultOptions(root)).BuildServiceProvider();

        var vault = provider.GetRequiredService<IVault>();

        Assert.IsType<LocalFileVault>(vault);
        Assert.Equal($"local:{Path.GetFullPath(root)}", vault.Description);
    }

    protected override async Task DamageStoredOriginalAsync(Sha256Digest digest, byte[] bytes)
    {
        var path = OriginalPath(digest);
        File.SetUnixFileMode(path, ReadOnly | UnixFileMode.UserWrite);
        await File.WriteAllBytesAsync(path, bytes);
        File.SetUnixFileMode(path, ReadOnly);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        base.Dispose(disposing);
    }

    private string OriginalPath(Sha256Digest digest) =>
        Path.Combine(root, "originals", "sha256", digest.Hex[..2], digest.Hex[2..4], digest.Hex);
}
