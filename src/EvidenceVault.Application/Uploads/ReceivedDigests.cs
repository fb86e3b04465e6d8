using System.Collections.Concurrent;
using System.Security.Cryptography;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Uploads;

namespace EvidenceVault.Application.Uploads;

/// <summary>
/// The SHA-256 of each upload's bytes, taken as they arrive, so that completion need not read the whole file again
/// before it compares it with the declared digest. It is kept in memory only while every byte since the first went
/// through this process in order and was kept by the store; anything else (a restart, a refused or broken-off chunk)
/// forgets it, and completion hashes the stored file instead. Calls for one upload come one at a time (its gate).
/// </summary>
public sealed class ReceivedDigests : IDisposable
{
    private readonly ConcurrentDictionary<UploadId, RunningDigest> _digests = new();

    /// <summary>The chunk to give the store: hashed as the store reads it when the digest so far ends at <paramref name="offset"/>.</summary>
    public Stream Track(UploadId id, long offset, Stream chunk)
    {
        if (offset == 0)
        {
            Forget(id);
            _digests[id] = new RunningDigest();
        }

        if (_digests.TryGetValue(id, out var digest) && digest.Offset == offset)
        {
            return new ObservedChunk(chunk, digest);
        }

        Forget(id);
        return chunk;
    }

    /// <summary>After the store's append: the digest moves on when exactly the bytes read were kept, else it is forgotten.</summary>
    public void Settle(UploadId id, long offsetAfter)
    {
        if (!(_digests.TryGetValue(id, out var digest) && digest.Settle(offsetAfter)))
        {
            Forget(id);
        }
    }

    /// <summary>The digest of all <paramref name="length"/> bytes when this process saw each of them kept; null otherwise.</summary>
    public Sha256Digest? Take(UploadId id, long length)
    {
        if (!_digests.TryRemove(id, out var digest))
        {
            return null;
        }

        using (digest)
        {
            return digest.Offset == length ? digest.Finish() : null;
        }
    }

    public void Forget(UploadId id)
    {
        if (_digests.TryRemove(id, out var digest))
        {
            digest.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var id in _digests.Keys)
        {
            Forget(id);
        }
    }

    private sealed class RunningDigest : IDisposable
    {
        private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _read;

        /// <summary>How many bytes the digest covers, all of them kept by the store.</summary>
        public long Offset { get; private set; }

        public void Append(ReadOnlySpan<byte> bytes)
        {
            _sha256.AppendData(bytes);
            _read += bytes.Length;
        }

        public bool Settle(long offsetAfter)
        {
            var whole = offsetAfter == Offset + _read;
            (Offset, _read) = (offsetAfter, 0);
            return whole;
        }

        public Sha256Digest Finish() => Sha256Digest.FromBytes(_sha256.GetHashAndReset());

        public void Dispose() => _sha256.Dispose();
    }

    /// <summary>A read-only pass-through that hands every byte read to the running digest.</summary>
    private sealed class ObservedChunk(Stream inner, RunningDigest digest) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            digest.Append(buffer.Span[..read]);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            digest.Append(buffer.AsSpan(offset, read));
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
