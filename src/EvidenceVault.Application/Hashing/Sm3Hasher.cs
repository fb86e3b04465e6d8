using EvidenceVault.Domain.Recordings;
using Org.BouncyCastle.Crypto.Digests;

namespace EvidenceVault.Application.Hashing;

/// <summary>
/// Incremental SM3 (GB/T 32905) over blocks, for agencies that require national cryptography.
/// Uses OpenSSL's SM3 when the platform has it and BouncyCastle's managed digest otherwise.
/// </summary>
public sealed class Sm3Hasher : IDisposable
{
    private readonly OpenSslSm3? _native;
    private readonly SM3Digest? _managed;

    public Sm3Hasher(bool preferNative = true)
    {
        _native = preferNative ? OpenSslSm3.TryCreate() : null;
        _managed = _native is null ? new SM3Digest() : null;
    }

    /// <summary>True when OpenSSL computes the digest.</summary>
    public bool IsNative => _native is not null;

    public void Append(ReadOnlySpan<byte> block)
    {
        if (_native is not null)
        {
            _native.Append(block);
        }
        else
        {
            _managed!.BlockUpdate(block);
        }
    }

    public Sm3Digest Finish()
    {
        Span<byte> output = stackalloc byte[32];
        if (_native is not null)
        {
            _native.Finish(output);
        }
        else
        {
            _managed!.DoFinal(output);
        }

        return Sm3Digest.FromBytes(output);
    }

    public void Dispose() => _native?.Dispose();
}
