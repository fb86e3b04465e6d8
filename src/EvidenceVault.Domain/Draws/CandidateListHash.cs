using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Domain.Draws;

/// <summary>The SHA-256 of a canonical candidate list (see <see cref="CandidateList"/>): what a draw commits to.</summary>
public readonly record struct CandidateListHash(Sha256Digest Digest)
{
    public static CandidateListHash Parse(string hex) => new(Sha256Digest.Parse(hex));

    public override string ToString() => Digest.Hex;
}
