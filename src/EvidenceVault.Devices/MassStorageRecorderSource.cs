using System.Runtime.CompilerServices;
using EvidenceVault.Application.Sources;

namespace EvidenceVault.Devices;

/// <summary>
/// A recorder mounted as USB mass storage (or any directory). Walks the tree itself so that symbolic
/// links are reported and never followed, and unreadable folders become entries instead of silent gaps.
/// Files are opened without following links and only if they are still the regular file that was listed.
/// </summary>
public sealed class MassStorageRecorderSource : IRecorderSource
{
    private readonly string _root;
    private readonly string? _onlyFile;

    /// <param name="root">The mounted recorder or folder.</param>
    /// <param name="onlyFile">When set, only this file (and its sidecar) directly under <paramref name="root"/> is listed.</param>
    public MassStorageRecorderSource(string root, string? onlyFile = null)
    {
        _root = Path.GetFullPath(root);
        _onlyFile = onlyFile;
        NoFollow.EnsureSupported();
        if (!Directory.Exists(_root))
        {
            throw new RecorderSourceException($"The source directory '{root}' does not exist or is not a directory.");
        }
    }

    public string Location => _root;

    public async IAsyncEnumerable<SourceEntry> EnumerateAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var entries = new List<SourceEntry>();
        Walk(new DirectoryInfo(_root), entries, cancellationToken);
        foreach (var entry in entries.Where(Wanted).OrderBy(e => e.RelativePath, StringComparer.Ordinal))
        {
            yield return entry;
        }

        await Task.CompletedTask;
    }

    public Task<Stream> OpenReadAsync(SourceEntry entry, CancellationToken cancellationToken)
    {
        // One large sequential read per file (no buffer of our own): USB sticks are slow at anything else.
        Stream stream = new FileStream(NoFollow.OpenRegular(FullPath(entry), entry.Identity), FileAccess.Read, bufferSize: 0);
        return Task.FromResult(stream);
    }

    public Task<SourceEntry> RefreshAsync(SourceEntry entry, CancellationToken cancellationToken) =>
        Task.FromResult(NoFollow.Describe(FullPath(entry)) is { } now
            ? entry with { Length = now.Length, LastWriteTime = now.LastWriteTime, Identity = now.IsRegular ? now.Identity : null }
            : entry with { Length = -1 });

    public Task DeleteAsync(SourceEntry entry, CancellationToken cancellationToken)
    {
        File.Delete(FullPath(entry));
        return Task.CompletedTask;
    }

    private void Walk(DirectoryInfo directory, List<SourceEntry> entries, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        FileSystemInfo[] children;
        try
        {
            children = directory.GetFileSystemInfos();
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            entries.Add(new SourceEntry(Relative(directory.FullName) + "/", SourceEntryType.Unreadable, 0, DateTimeOffset.MinValue, $"The folder cannot be listed: {ex.Message}"));
            return;
        }

        foreach (var child in children)
        {
            var relative = Relative(child.FullName);
            if (child.LinkTarget is not null)
            {
                entries.Add(new SourceEntry(relative, SourceEntryType.SymbolicLink, 0, DateTimeOffset.MinValue));
            }
            else if (child is DirectoryInfo folder)
            {
                // For a single file only its own folder is listed, never the whole tree around it.
                if (_onlyFile is null)
                {
                    Walk(folder, entries, cancellationToken);
                }
            }
            else if (NoFollow.Describe(child.FullName) is not { } facts)
            {
                entries.Add(new SourceEntry(relative, SourceEntryType.Unreadable, 0, DateTimeOffset.MinValue, "The file disappeared while the folder was listed."));
            }
            else if (facts.IsRegular)
            {
                entries.Add(new SourceEntry(relative, SourceEntryType.File, facts.Length, facts.LastWriteTime, Identity: facts.Identity));
            }
            else
            {
                // .NET lists FIFOs, device nodes and sockets as ordinary files; opening one could block or never end.
                entries.Add(new SourceEntry(relative, SourceEntryType.Special, 0, DateTimeOffset.MinValue, $"Not a regular file (a {facts.Kind})."));
            }
        }
    }

    private bool Wanted(SourceEntry entry) =>
        _onlyFile is null || entry.RelativePath == _onlyFile || entry.RelativePath == _onlyFile + ".sha256";

    private string FullPath(SourceEntry entry) => Path.Combine(_root, entry.RelativePath);

    private string Relative(string fullPath) => Path.GetRelativePath(_root, fullPath).Replace(Path.DirectorySeparatorChar, '/');
}

/// <summary>Opens mounted recorders by directory path, or a single file (a written record, a one-off upload).</summary>
public sealed class MassStorageRecorderSourceFactory : IRecorderSourceFactory
{
    public IRecorderSource Open(string location) =>
        File.Exists(location) && !Directory.Exists(location)
            ? new MassStorageRecorderSource(Path.GetDirectoryName(Path.GetFullPath(location))!, Path.GetFileName(location))
            : new MassStorageRecorderSource(location);
}
