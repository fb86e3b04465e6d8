namespace EvidenceVault.Application.Vault;

/// <summary>
/// A local, read-only view of a stored object for tools that need a file. When the vault had to
/// make a temporary copy (remote backends), disposing removes it.
/// </summary>
public sealed class LocalCopy(string path, bool isTemporary) : IAsyncDisposable
{
    public string Path { get; } = path;

    public bool IsTemporary { get; } = isTemporary;

    public ValueTask DisposeAsync()
    {
        if (IsTemporary)
        {
            File.Delete(Path);
        }

        return ValueTask.CompletedTask;
    }
}
