using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EvidenceVault.Storage.Vault;
using Microsoft.Win32.SafeHandles;

namespace EvidenceVault.Storage.Uploads;

/// <summary>
/// An upload's durable offset, rewritten in place with one small fdatasync per chunk (a temp file, its fsync, a rename
/// and the folder's fsync cost two flushes and a journal commit each time). Two slots on separate 4 KiB pages each hold
/// the offset and a check of it; a write goes to the slot that does not hold the newest offset, so a write torn by a
/// crash spoils only that slot and the other still holds the offset before it. Offsets only grow, so the newest valid
/// slot is the offset.
/// </summary>
internal static class UploadOffsetFile
{
    private const int SlotSpacing = 4096;
    private const int SlotSize = 16;

    /// <summary>A new record at offset 0 in both slots (its length never changes again), fsynced; the caller makes the folder's entry durable.</summary>
    public static void Create(string path)
    {
        using var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite);
        WriteSlot(file, 0, 0);
        WriteSlot(file, 1, 0);
        Durability.SyncData(file, path);
    }

    public static long Read(string path)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return Newest(file, path).Offset;
    }

    /// <summary>Records <paramref name="offset"/> durably: when this returns, a crash leaves it or a later one.</summary>
    public static void Write(string path, long offset)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        WriteSlot(file, 1 - Newest(file, path).Slot, offset);
        Durability.SyncData(file, path);
    }

    private static (long Offset, int Slot) Newest(SafeFileHandle file, string path)
    {
        if (RandomAccess.GetLength(file) < SlotSize)
        {
            // Written before slots existed: the offset as decimal text.
            Span<byte> text = stackalloc byte[SlotSize];
            var read = RandomAccess.Read(file, text, 0);
            return (long.Parse(Encoding.ASCII.GetString(text[..read]), CultureInfo.InvariantCulture), 1);
        }

        var (first, second) = (ReadSlot(file, 0), ReadSlot(file, 1));
        return (first, second) switch
        {
            (null, null) => throw new IOException($"The offset record {path} holds no valid offset."),
            ({ } a, { } b) => a >= b ? (a, 0) : (b, 1),
            ({ } a, null) => (a, 0),
            (null, { } b) => (b, 1),
        };
    }

    private static long? ReadSlot(SafeFileHandle file, int slot)
    {
        Span<byte> bytes = stackalloc byte[SlotSize];
        if (RandomAccess.Read(file, bytes, slot * SlotSpacing) != SlotSize)
        {
            return null;
        }

        var offset = BinaryPrimitives.ReadInt64LittleEndian(bytes);
        return bytes[8..].SequenceEqual(Check(offset)) ? offset : null;
    }

    private static void WriteSlot(SafeFileHandle file, int slot, long offset)
    {
        Span<byte> bytes = stackalloc byte[SlotSize];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, offset);
        Check(offset).CopyTo(bytes[8..]);
        RandomAccess.Write(file, bytes, slot * SlotSpacing);
    }

    /// <summary>The first 8 bytes of the offset's SHA-256: a torn or stray write does not pass for an offset.</summary>
    private static ReadOnlySpan<byte> Check(long offset)
    {
        Span<byte> value = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(value, offset);
        return SHA256.HashData(value).AsSpan(0, 8);
    }
}
