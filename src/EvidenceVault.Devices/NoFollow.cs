using System.Buffers.Binary;
using System.Runtime.InteropServices;
using EvidenceVault.Application.Sources;
using Microsoft.Win32.SafeHandles;

namespace EvidenceVault.Devices;

/// <summary>What lstat(2) says about one path: its type, identity, size and modification time.</summary>
internal sealed record FileFacts(bool IsRegular, string Kind, SourceFileIdentity Identity, long Length, DateTimeOffset LastWriteTime);

/// <summary>
/// lstat and open without following links, through statx(2) and open(2). .NET can neither open with O_NOFOLLOW
/// nor tell a FIFO or device node from a regular file. statx is used because its struct has one layout on every
/// architecture (struct stat differs between x86-64 and arm64); O_NOFOLLOW's value does differ, so it is chosen
/// per architecture and anything else fails loudly. Linux only, like the rest of the service.
/// </summary>
internal static partial class NoFollow
{
    private const int ReadOnly = 0;
    private const int NonBlocking = 0x800;
    private const int CloseOnExec = 0x80000;
    private const int CurrentDirectory = -100;
    private const int SymlinkNoFollow = 0x100;
    private const int EmptyPath = 0x1000;
    private const uint BasicStats = 0x7ff;
    private const int StatxSize = 256;
    private const int SymbolicLinkLoop = 40;
    private const int SequentialAdvice = 2;

    /// <summary>The file at <paramref name="path"/> itself (a link is described, not followed); null when it does not exist.</summary>
    public static FileFacts? Describe(string path)
    {
        Span<byte> buffer = stackalloc byte[StatxSize];
        if (StatxPath(CurrentDirectory, path, SymlinkNoFollow, BasicStats, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno == 2 ? null : throw Failure("statx", path, errno);
        }

        return Parse(buffer);
    }

    /// <summary>
    /// Opens <paramref name="path"/> for reading only if it is still the regular file <paramref name="expected"/>.
    /// O_NONBLOCK keeps a FIFO put in its place from blocking the open; the handle is checked before any read, and
    /// O_NONBLOCK has no effect on regular files, so it can stay set.
    /// </summary>
    public static SafeFileHandle OpenRegular(string path, SourceFileIdentity? expected)
    {
        var fd = Open(path, ReadOnly | NoFollowFlag() | CloseOnExec | NonBlocking);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw errno == SymbolicLinkLoop
                ? new SourceChangedException($"'{path}' became a symbolic link after it was listed; it is not followed.")
                : Failure("open", path, errno);
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            Span<byte> buffer = stackalloc byte[StatxSize];
            if (StatxPath(fd, string.Empty, EmptyPath, BasicStats, buffer) != 0)
            {
                throw Failure("statx", path, Marshal.GetLastPInvokeError());
            }

            var facts = Parse(buffer);
            if (!facts.IsRegular || facts.Identity != expected)
            {
                throw new SourceChangedException($"'{path}' is no longer the file that was listed (now a {facts.Kind}, {facts.Identity}).");
            }

            // Only a hint for the kernel's read-ahead; a failure changes nothing.
            _ = Advise(fd, 0, 0, SequentialAdvice);
            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Fails loudly, once, where the calls above would not work.</summary>
    public static void EnsureSupported() => _ = NoFollowFlag();

    private static FileFacts Parse(ReadOnlySpan<byte> statx)
    {
        // Offsets of struct statx (linux/stat.h): stx_mode 28, stx_ino 32, stx_size 40, stx_mtime 112, stx_dev_major/minor 136/140.
        var mode = BinaryPrimitives.ReadUInt16LittleEndian(statx[28..]) & 0xF000;
        var inode = BinaryPrimitives.ReadUInt64LittleEndian(statx[32..]);
        var size = BinaryPrimitives.ReadInt64LittleEndian(statx[40..]);
        var seconds = BinaryPrimitives.ReadInt64LittleEndian(statx[112..]);
        var nanoseconds = BinaryPrimitives.ReadUInt32LittleEndian(statx[120..]);
        var device = ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(statx[136..]) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(statx[140..]);
        var written = DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(nanoseconds / 100);
        var kind = mode switch
        {
            0x8000 => "regular file",
            0x4000 => "directory",
            0xA000 => "symbolic link",
            0x1000 => "FIFO",
            0x2000 => "character device",
            0x6000 => "block device",
            0xC000 => "socket",
            _ => "file of unknown type",
        };
        return new FileFacts(mode == 0x8000, kind, new SourceFileIdentity(device, inode), size, written);
    }

    private static int NoFollowFlag()
    {
        if (!OperatingSystem.IsLinux() || !BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Reading recorders needs Linux (statx and O_NOFOLLOW).");
        }

        return RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 0x20000,
            Architecture.Arm64 => 0x8000,
            var other => throw new PlatformNotSupportedException($"O_NOFOLLOW is not known for {other}; reading recorders is supported on x86-64 and arm64."),
        };
    }

    private static IOException Failure(string call, string path, int errno) =>
        new($"{call}({path}) failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).");

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatxPath(int directory, string path, int flags, uint mask, Span<byte> buffer);

    [LibraryImport("libc", EntryPoint = "posix_fadvise")]
    private static partial int Advise(int fd, long offset, long length, int advice);
}
