using System.Security.Cryptography;
using System.Text;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Domain.Draws;

/// <summary>
/// What a draw commits to before its seed exists. The terms statement is UTF-8, each line ending in one LF:
/// <code>
/// ev-draw-1
/// candidates &lt;list SHA-256, 64 lowercase hex&gt;
/// seed-source &lt;seed source name&gt;
/// take &lt;N&gt;                  (or one "take &lt;stratum&gt; TAB &lt;N&gt;" per stratum, in UTF-8 byte order)
/// </code>
/// and the commitment is its SHA-256, so changing the list, the seed source, the numbers or the algorithm afterwards
/// changes the commitment that was published.
/// </summary>
public sealed record DrawTerms(CandidateListHash List, SeedSource SeedSource, DrawQuota Quota)
{
    public string Statement => string.Concat(
        new[] { DrawAlgorithm.Version, $"candidates {List}", $"seed-source {SeedSource}" }.Concat(Quota.StatementLines()).Select(l => l + "\n"));

    public DrawCommitment Commitment => new(Sha256Digest.FromBytes(SHA256.HashData(Encoding.UTF8.GetBytes(Statement))));
}
