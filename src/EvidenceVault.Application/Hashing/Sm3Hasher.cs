using EvidenceVault.Domain.Recordings;
using Org.BouncyCastle.Crypto.Digests;

namespace EvidenceVault.Application.Hashing;

/// <summary>Incremental SM3 (GB/T 32905) over blocks, for agencies that require national cryptography.</summary>
public sealed class Sm3Hasher
{
    private readonly SM3Digest _digest = new();

    public void Append(ReadOnlySpan<byte> block) => _digest.BlockUpdate(block);

    public Sm3Digest Finish()
    {
        Span<byte> output = stackalloc byte[32];
        _digest.DoFinal(output);
        return Sm3Digest.FromBytes(output);
    }
}
