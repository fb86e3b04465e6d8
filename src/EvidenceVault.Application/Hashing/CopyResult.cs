using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Hashing;

/// <summary>What one streaming copy wrote and the digests of exactly those bytes.</summary>
public sealed record CopyResult(long Length, Sha256Digest Sha256, Sm3Digest? Sm3, byte[] Header);
