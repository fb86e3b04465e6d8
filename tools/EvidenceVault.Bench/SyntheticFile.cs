using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace EvidenceVault.Bench;

/// <summary>
/// Deterministic, incompressible upload content: one pseudo-random block, stamped with (run, file, chunk) in every
/// chunk. Every upload thus has its own SHA-256, so no duplicate short-cuts the server's ingest, and <c>write</c>
/// reproduces exactly the bytes a client sends for the curl baseline. Chunk 0 starts with an MP4 <c>ftyp</c> box so
/// the server sniffs a video, as it would for a real recording.
/// </summary>
internal sealed class SyntheticFile(long run, int file, long length, int chunkSize)
{
    private const int StampOffset = 16;
    private static readonly byte[] Ftyp = [0, 0, 0, 0x18, .. "ftypisom"u8];

    public long Length => length;

    public int ChunkCount => (int)((length + chunkSize - 1) / chunkSize);

    public string Name => $"bench-{run}-{file:D2}.mp4";

    /// <summary>A buffer holding the base block; <see cref="Chunk"/> only rewrites its first bytes.</summary>
    public byte[] NewBuffer()
    {
        var buffer = new byte[chunkSize];
        var counter = new byte[8];
        for (var at = 0; at < buffer.Length; at += SHA256.HashSizeInBytes)
        {
            BinaryPrimitives.WriteInt64LittleEndian(counter, at);
            var block = SHA256.HashData(counter);
            block.AsSpan(0, Math.Min(block.Length, buffer.Length - at)).CopyTo(buffer.AsSpan(at));
        }

        return buffer;
    }

    /// <summary>Chunk <paramref name="index"/>, written into a buffer made by <see cref="NewBuffer"/>.</summary>
    public ReadOnlyMemory<byte> Chunk(int index, byte[] buffer)
    {
        if (index == 0)
        {
            Ftyp.CopyTo(buffer, 0);
        }
        else
        {
            buffer.AsSpan(0, Ftyp.Length).Clear();
        }

        var stamp = buffer.AsSpan(StampOffset);
        BinaryPrimitives.WriteInt64LittleEndian(stamp, run);
        BinaryPrimitives.WriteInt32LittleEndian(stamp[8..], file);
        BinaryPrimitives.WriteInt32LittleEndian(stamp[12..], index);
        return buffer.AsMemory(0, (int)Math.Min(chunkSize, length - ((long)index * chunkSize)));
    }

    public string Sha256Hex()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = NewBuffer();
        for (var i = 0; i < ChunkCount; i++)
        {
            hash.AppendData(Chunk(i, buffer).Span);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public async Task WriteAsync(string path)
    {
        await using var output = File.Create(path);
        var buffer = NewBuffer();
        for (var i = 0; i < ChunkCount; i++)
        {
            await output.WriteAsync(Chunk(i, buffer));
        }
    }

    /// <summary>The tus <c>Upload-Metadata</c> value: comma-separated keys with base64 values.</summary>
    public string Metadata(string sha256) =>
        $"filename {Base64(Name)},sha256 {Base64(sha256)}";

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
