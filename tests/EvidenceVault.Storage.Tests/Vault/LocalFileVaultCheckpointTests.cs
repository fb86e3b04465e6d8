using System.Runtime.Versioning;
using EvidenceVault.Application.Custody;
using EvidenceVault.Storage.Vault;
using EvidenceVault.Testing.Vault;

namespace EvidenceVault.Storage.Tests.Vault;

[UnsupportedOSPlatform("windows")]
public sealed class LocalFileVaultCheckpointTests : CheckpointStoreContractTests, IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "evidencevault-checkpoint-tests", Guid.NewGuid().ToString("N"));

    public LocalFileVaultCheckpointTests()
    {
        Store = new LocalFileVault(new LocalVaultOptions(root), TimeProvider.System);
    }

    protected override ICheckpointStore Store { get; }

    [Fact]
    public async Task PutCheckpointAsync_Stored_ReadOnlyFileUnderCheckpointsAndNoTempLeft()
    {
        var name = CheckpointNames.For(1, DateTimeOffset.UnixEpoch);

        await Store.PutCheckpointAsync(name, new byte[] { 1, 2, 3 }, Ct);

        var path = Path.Combine(root, "checkpoints", name);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(path));
        Assert.Equal([path], Directory.EnumerateFiles(Path.Combine(root, "checkpoints")));
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
