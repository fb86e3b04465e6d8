namespace EvidenceVault.Application.Sources;

/// <summary>A docked recorder (or any folder of recorder files) that files are collected from.</summary>
public interface IRecorderSource
{
    /// <summary>Where the files come from, for the custody log.</summary>
    string Location { get; }

    /// <summary>Every entry below the root in a stable order (ordinal by relative path); symlinks are reported, never followed.</summary>
    IAsyncEnumerable<SourceEntry> EnumerateAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Opens a file for one sequential read: exactly the regular file that was enumerated, never a link
    /// or another file put in its place (then <see cref="SourceChangedException"/>).
    /// </summary>
    Task<Stream> OpenReadAsync(SourceEntry entry, CancellationToken cancellationToken);

    /// <summary>The entry's current size and modification time, to tell whether it changed while being copied.</summary>
    Task<SourceEntry> RefreshAsync(SourceEntry entry, CancellationToken cancellationToken);

    /// <summary>Deletes a file from the device; only ever called after its stored copy was verified.</summary>
    Task DeleteAsync(SourceEntry entry, CancellationToken cancellationToken);
}

/// <summary>What kind of directory entry a source path is.</summary>
public enum SourceEntryType
{
    File,
    SymbolicLink,
    Unreadable,

    /// <summary>A FIFO, device node or socket: never opened (a read could block forever or never end).</summary>
    Special,
}

/// <summary>
/// One entry of a recorder, addressed by its '/'-separated path relative to the recorder root. <paramref name="Identity"/>
/// is the file the listing saw, so that opening it later can tell whether another file was put at the same path.
/// </summary>
public sealed record SourceEntry(string RelativePath, SourceEntryType Type, long Length, DateTimeOffset LastWriteTime, string? Problem = null, SourceFileIdentity? Identity = null);

/// <summary>Which file an entry is on its file system (device and inode), independent of its path.</summary>
public sealed record SourceFileIdentity(ulong Device, ulong Inode);

/// <summary>Opens recorder sources from a location given by the user (a mounted directory today).</summary>
public interface IRecorderSourceFactory
{
    IRecorderSource Open(string location);
}

/// <summary>The path no longer leads to the file that was enumerated (swapped for a link or another file).</summary>
public sealed class SourceChangedException(string message) : IOException(message);

/// <summary>The source cannot be opened or listed at all.</summary>
public sealed class RecorderSourceException(string message, Exception? innerException = null) : Exception(message, innerException);
