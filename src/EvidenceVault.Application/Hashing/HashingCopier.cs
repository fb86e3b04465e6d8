using System.Security.Cryptography;
using EvidenceVault.Domain.Ingestion;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Hashing;

/// <summary>
/// Copies a stream to a new file while hashing it, in one pass with flat memory: each pooled block is
/// written, SHA-256-hashed and (when asked) SM3-hashed in parallel, each hash on its own ordered chain, and the next block is read while the
/// previous one is still being written. Writes bypass the page cache where the system allows it
/// (<see cref="DirectFile"/>). The copy is not fsynced here: the vault makes what it keeps durable, so a
/// staged file is flushed once, by the vault, and not twice.
/// </summary>
public static class HashingCopier
{
    public const int BlockSize = 1024 * 1024;

    // Three blocks in flight: one being read, one being written and hashed, one spare.
    private const int BlocksInFlight = 3;

    public static async Task<CopyResult> CopyToNewFileAsync(Stream source, string destinationPath, bool computeSm3, CancellationToken cancellationToken)
    {
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var sm3 = computeSm3 ? new Sm3Hasher() : null;
        var header = new byte[ContentSniffer.HeaderLength];
        var headerLength = 0;
        long length = 0;
        var pending = new Queue<(byte[] Buffer, Task Work)>();

        // Each hash sees blocks in order on its own chain: SHA-256 of the next block need not wait for SM3 of this one.
        var lastSha256 = Task.CompletedTask;
        var lastSm3 = Task.CompletedTask;

        using var destination = OpenDestination(destinationPath);
        try
        {
            while (true)
            {
                if (pending.Count == BlocksInFlight)
                {
                    var done = pending.Dequeue();
                    await done.Work;
                    DirectFile.Return(done.Buffer);
                }

                var buffer = DirectFile.Rent();
                var usable = DirectFile.Usable(buffer);
                var read = await ReadBlockAsync(source, usable, cancellationToken);
                if (read == 0)
                {
                    DirectFile.Return(buffer);
                    break;
                }

                if (headerLength < header.Length)
                {
                    var take = Math.Min(read, header.Length - headerLength);
                    usable.Span[..take].CopyTo(header.AsSpan(headerLength));
                    headerLength += take;
                }

                var block = usable[..read];
                var write = WriteBlockAsync(destination, destinationPath, usable, read, length, cancellationToken);
                lastSha256 = AppendAfterAsync(lastSha256, () => sha256.AppendData(block.Span));
                if (sm3 is not null)
                {
                    // SM3 is ~6x slower than SHA-256 here, so it runs on its own thread.
                    lastSm3 = AppendAfterAsync(lastSm3, () => sm3.Append(block.Span));
                }

                pending.Enqueue((buffer, Task.WhenAll(write, lastSha256, lastSm3)));
                length += read;
            }

            while (pending.Count > 0)
            {
                var done = pending.Dequeue();
                await done.Work;
                DirectFile.Return(done.Buffer);
            }

            Complete(destination, destinationPath);
        }
        catch
        {
            // Let in-flight work finish before its buffers go back to the pool, then surface the first error.
            await Task.WhenAll(pending.Select(p => p.Work)).ContinueWith(static _ => { }, TaskScheduler.Default);
            throw;
        }

        return new CopyResult(length, Sha256Digest.FromBytes(sha256.GetHashAndReset()), sm3?.Finish(), header[..headerLength]);
    }

    private static DirectFile OpenDestination(string path)
    {
        try
        {
            return DirectFile.CreateNew(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DestinationWriteException(path, e);
        }
    }

    private static async Task WriteBlockAsync(DirectFile destination, string path, Memory<byte> block, int length, long offset, CancellationToken cancellationToken)
    {
        try
        {
            await destination.WriteAsync(block, length, offset, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DestinationWriteException(path, e);
        }
    }

    private static void Complete(DirectFile destination, string path)
    {
        try
        {
            destination.Complete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DestinationWriteException(path, e);
        }
    }

    private static async Task AppendAfterAsync(Task previous, Action append)
    {
        await previous;
        await Task.Run(append);
    }

    private static async Task<int> ReadBlockAsync(Stream source, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < BlockSize)
        {
            var read = await source.ReadAsync(buffer[total..], cancellationToken);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}

/// <summary>The copy's own file could not be created or written (disk full, read-only, gone): the source is not at fault.</summary>
public sealed class DestinationWriteException(string path, Exception inner)
    : IOException($"Writing {path} failed: {inner.Message}", inner)
{
    public string Path { get; } = path;
}
