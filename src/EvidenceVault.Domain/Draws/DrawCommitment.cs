using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Domain.Draws;

/// <summary>The SHA-256 of a draw's terms statement (see <see cref="DrawTerms"/>), published before the seed is known.</summary>
public readonly record struct DrawCommitment(Sha256Digest Digest)
{
    public static DrawCommitment Parse(string hex) => new(Sha256Digest.Parse(hex));

    public override string ToString() => Digest.Hex;
}
