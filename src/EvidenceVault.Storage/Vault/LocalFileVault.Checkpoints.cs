using EvidenceVault.Application.Custody;

namespace EvidenceVault.Storage.Vault;

/// <summary>Checkpoints as read-only files under <c>checkpoints/</c>, published like originals: never overwritten.</summary>
public sealed partial class LocalFileVault : ICheckpointStore
{
    public async Task<bool> PutCheckpointAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var target = PathOf(VaultKeys.Checkpoint(name));
        var directory = Path.GetDirectoryName(target)!;
        Durability.CreateDirectory(directory);
        var temp = $"{target}.tmp-{Guid.NewGuid():N}";
        await File.WriteAllBytesAsync(temp, content.ToArray(), cancellationToken);
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, ReadOnlyMode);
            }

            Durability.Sync(temp);
            if (TryRenameNoOverwrite(temp, target))
            {
                Durability.Sync(directory);
                return true;
            }
        }
        finally
        {
            File.Delete(temp);
        }

        return (await File.ReadAllBytesAsync(target, cancellationToken)).AsSpan().SequenceEqual(content.Span)
            ? false
            : throw new CheckpointConflictException(name);
    }

    public Task<IReadOnlyList<string>> ListCheckpointsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var folder = Path.Combine(root, VaultKeys.CheckpointFolder);
        IReadOnlyList<string> names = Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>().Where(n => CheckpointNames.IsValid(n) && !n.Contains(".tmp-", StringComparison.Ordinal)).Order(StringComparer.Ordinal)]
            : [];
        return Task.FromResult(names);
    }

    public async Task<byte[]?> ReadCheckpointAsync(string name, CancellationToken cancellationToken)
    {
        var path = PathOf(VaultKeys.Checkpoint(name));
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }
}
