namespace EvidenceVault.Application.Export;

/// <summary>
/// A package being written into a temporary directory or zip file beside the target, moved into place only
/// when complete, so a refused or failed export never leaves half a package where the real one would be.
/// </summary>
public abstract class PackageSink : IAsyncDisposable
{
    protected PackageSink(string target)
    {
        Target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        Temporary = Path.Combine(Path.GetDirectoryName(Target)!, $".{Path.GetFileName(Target)}.partial-{Guid.NewGuid():N}");
    }

    public string Target { get; }

    protected string Temporary { get; }

    protected bool Committed { get; set; }

    /// <summary>A zip when the target ends in <c>.zip</c>, else a directory.</summary>
    public static PackageSink Create(string target) =>
        target.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? new ZipPackageSink(target) : new DirectoryPackageSink(target);

    /// <summary>Opens a new file at a package path (<c>/</c>-separated); media is stored as is, text may be compressed.</summary>
    public abstract Task<Stream> CreateFileAsync(string path, bool compress, bool executable, CancellationToken cancellationToken);

    /// <summary>Moves the finished package into place; the target must not exist.</summary>
    public abstract Task CommitAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    protected void EnsureTargetFree()
    {
        if (Path.Exists(Target))
        {
            throw new IOException($"'{Target}' already exists; choose a new place for the package.");
        }
    }
}
