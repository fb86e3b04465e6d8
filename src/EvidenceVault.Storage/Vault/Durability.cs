using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace EvidenceVault.Storage.Vault;

/// <summary>
/// fsync(2) for files and directories. .NET's <c>File.OpenHandle</c> refuses directories and
/// <c>FileStream.Flush(true)</c> skips the sync on read-only handles, so both go through a small
/// P/Invoke: open(path, O_RDONLY | O_CLOEXEC), fsync, close. O_DIRECTORY is left out on purpose:
/// its value differs between x86-64 and arm64, and O_RDONLY alone opens a directory on Linux.
/// </summary>
internal static partial class Durability
{
    private const int ReadOnly = 0;
    private const int CloseOnExec = 0x80000;
    private const uint SyncFileRangeWrite = 2;

    /// <summary>Flushes a file's data and metadata, or a directory's entries, to stable storage.</summary>
    public static void Sync(string path)
    {
        // Windows has no directory fsync and the service runs on Linux; NTFS journals renames.
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fd = Open(path, ReadOnly | CloseOnExec);
        if (fd < 0)
        {
            throw Failure("open", path);
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw Failure("fsync", path);
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>fdatasync(2) of an open file: its bytes and its length on stable storage (timestamps may follow later).</summary>
    public static void SyncData(SafeFileHandle file, string path)
    {
        if (!OperatingSystem.IsWindows() && Fdatasync(file) != 0)
        {
            throw Failure("fdatasync", path);
        }
    }

    /// <summary>
    /// Starts writing a range to disk now (sync_file_range with WRITE only), so that the disk works while the next bytes
    /// arrive and the later <see cref="SyncData"/> finds little left to wait for. A hint: it makes nothing durable.
    /// </summary>
    public static void StartWriteBack(SafeFileHandle file, long offset, long count)
    {
        if (OperatingSystem.IsLinux())
        {
            _ = SyncFileRange(file, offset, count, SyncFileRangeWrite);
        }
    }

    /// <summary>Creates missing directories and fsyncs each new one's parent so the new entries survive a crash.</summary>
    public static void CreateDirectory(string directory)
    {
        var missing = new Stack<string>();
        for (var current = directory; !Directory.Exists(current); current = Path.GetDirectoryName(current)!)
        {
            missing.Push(current);
        }

        if (missing.Count == 0)
        {
            return;
        }

        Directory.CreateDirectory(directory);
        foreach (var created in missing)
        {
            Sync(Path.GetDirectoryName(created)!);
        }
    }

    /// <summary>Replaces a small file so that a crash leaves either the old or the new content: temp, fsync, rename, fsync the directory.</summary>
    public static async Task ReplaceAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        var temp = $"{path}.tmp-{Guid.NewGuid():N}";
        await File.WriteAllBytesAsync(temp, content, cancellationToken);
        Sync(temp);
        File.Move(temp, path, overwrite: true);
        Sync(Path.GetDirectoryName(path)!);
    }

    /// <summary>link(2): a second name for the file, failing when the new name exists; 0 or the errno.</summary>
    public static int TryLink(string existing, string newPath) => Link(existing, newPath) == 0 ? 0 : Marshal.GetLastPInvokeError();

    private static IOException Failure(string call, string path)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new IOException($"{call}({path}) failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).");
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existing, string newPath);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
    private static partial int Fdatasync(SafeFileHandle fd);

    [LibraryImport("libc", EntryPoint = "sync_file_range", SetLastError = true)]
    private static partial int SyncFileRange(SafeFileHandle fd, long offset, long count, uint flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
