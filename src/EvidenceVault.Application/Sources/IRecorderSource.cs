namespace EvidenceVault.Application.Sources;

/// <summary>A docked recorder (or any folder of recorder files) that files are collected from.</summary>
public interface IRecorderSource
{
    /// <summary>Where the files come from, for the custody log.</summary>
    string Location { get; }

    /// <summary>Every entry below the root in a stable order (ordinal by relative path); symlinks are reported, never followed.</summary>
    IAsyncEnumerable<SourceEntry> EnumerateAsync(CancellationToken cancellationToken);

    /// <summary>Opens a file for one sequential read.</summary>
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
}

/// <summary>One entry of a recorder, addressed by its '/'-separated path relative to the recorder root.</summary>
public sealed record SourceEntry(string RelativePath, SourceEntryType Type, long Length, DateTimeOffset LastWriteTime, string? Problem = null);

/// <summary>Opens recorder sources from a location given by the user (a mounted directory today).</summary>
public interface IRecorderSourceFactory
{
    IRecorderSource Open(string location);
}

/// <summary>The source cannot be opened or listed at all.</summary>
public sealed class RecorderSourceException(string message, Exception? innerException = null) : Exception(message, innerException);
