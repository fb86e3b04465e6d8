using System.Buffers;
using System.Security.Cryptography;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using EvidenceVault.Application.Uploads;

namespace EvidenceVault.Storage.Azure.Uploads;

/// <summary>Staging one chunk as blocks, with flat memory (one pooled block buffer per append).</summary>
public sealed partial class AzureUploadStore
{
    /// <summary>
    /// Stages at most <paramref name="limit"/> bytes as blocks; a broken-off read ends the chunk instead of failing it. With a
    /// checksum, an interrupted or mismatching chunk stages nothing that will be committed (the blocks are left out of the list).
    /// </summary>
    private async Task<StagedChunk> StageChunkAsync(BlockBlobClient data, Stream chunk, long offset, long limit, byte[]? chunkSha256, CancellationToken cancellationToken)
    {
        using var sha256 = chunkSha256 is null ? null : IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(_options.BlockSize);
        var blocks = new List<string>();
        long written = 0;
        var interrupted = false;
        try
        {
            while (true)
            {
                var (filled, ended, broke) = await FillAsync(chunk, buffer, _options.BlockSize, limit - written + 1, cancellationToken);
                if (written + filled > limit)
                {
                    throw new UploadTooLargeException($"The chunk holds more than the {limit} bytes still missing; nothing of it was kept.");
                }

                if (filled > 0)
                {
                    sha256?.AppendData(buffer, 0, filled);
                    using var block = new MemoryStream(buffer, 0, filled, writable: false);
                    var id = BlockId(offset + written);
                    await data.StageBlockAsync(id, block, new BlockBlobStageBlockOptions { TransferValidation = Validation }, CancellationToken.None);
                    blocks.Add(id);
                    written += filled;
                }

                interrupted = broke;
                if (ended || broke)
                {
                    break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (chunkSha256 is not null)
        {
            if (interrupted)
            {
                return new StagedChunk([], 0, Interrupted: true);
            }

            var actual = sha256!.GetHashAndReset();
            if (!CryptographicOperations.FixedTimeEquals(actual, chunkSha256))
            {
                throw new ChunkChecksumMismatchException($"The chunk's {written} bytes hash to sha256 {Convert.ToBase64String(actual)}, not {Convert.ToBase64String(chunkSha256)}; nothing of it was kept, the upload stays at offset {offset}.");
            }
        }

        return new StagedChunk(blocks, written, interrupted);
    }

    /// <summary>Reads until the block is full, the chunk ends, <paramref name="cap"/> bytes came, or the read breaks off.</summary>
    private static async Task<(int Filled, bool Ended, bool Broke)> FillAsync(Stream chunk, byte[] buffer, int size, long cap, CancellationToken cancellationToken)
    {
        var want = (int)Math.Min(size, cap);
        var filled = 0;
        while (filled < want)
        {
            int read;
            try
            {
                read = await chunk.ReadAsync(buffer.AsMemory(filled, want - filled), cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException)
            {
                return (filled, false, true);
            }

            if (read == 0)
            {
                return (filled, true, false);
            }

            filled += read;
        }

        // Full to the cap: one byte beyond the missing length is how a too-long chunk is told from one that fits.
        return (filled, want < size, false);
    }

    private sealed record StagedChunk(IReadOnlyList<string> Blocks, long Length, bool Interrupted);
}
