using System.Security.Cryptography;
using Azure;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Storage.Azure;

/// <summary>
/// The stream handed out for a blob. It hashes what the caller reads and, at the end, refuses with
/// <see cref="VaultIntegrityException"/> if the bytes do not hash to the address (or the length is
/// off), so a reader never finishes successfully on altered evidence. It also translates the SDK's
/// mid-read failures, so no Azure exception escapes through the stream either.
/// </summary>
internal sealed class VerifyingReadStream(Stream inner, long expectedLength, Sha256Digest? expected, string containerName) : Stream
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long read;
    private bool verified;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => expectedLength;

    public override long Position
    {
        get => read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int count;
        try
        {
            count = inner.Read(buffer);
        }
        catch (Exception e) when (e is RequestFailedException or IOException or AggregateException)
        {
            throw Unavailable(e);
        }

        return Account(buffer[..count]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int count;
        try
        {
            count = await inner.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception e) when (e is RequestFailedException or IOException or AggregateException)
        {
            throw Unavailable(e);
        }

        return Account(buffer.Span[..count]);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Account(ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length > 0)
        {
            hash.AppendData(chunk);
            read += chunk.Length;
            return chunk.Length;
        }

        // End of stream: check once, then keep answering 0 like any finished stream.
        if (!verified)
        {
            verified = true;
            Verify();
        }

        return 0;
    }

    private void Verify()
    {
        var actual = Convert.ToHexStringLower(hash.GetCurrentHash());
        if (read != expectedLength)
        {
            throw expected is { } digest
                ? new VaultIntegrityException(digest, $"unknown ({read} bytes read, {expectedLength} stored)")
                : new VaultException($"A derivative in Azure container '{containerName}' ended after {read} of {expectedLength} bytes.");
        }

        if (expected is { } address && actual != address.Hex)
        {
            throw new VaultIntegrityException(address, actual);
        }
    }

    private VaultUnavailableException Unavailable(Exception error) =>
        new($"Reading a blob from Azure container '{containerName}' failed: {error.Message.Split('\n', 2)[0].Trim()}", error);
}
