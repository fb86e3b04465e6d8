using System.Security.Cryptography;
using System.Text;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Domain.Draws;

/// <summary>A candidate's place in its stratum's ranking (1 = first) and the score that put it there.</summary>
public sealed record RankedCandidate(DrawCandidate Candidate, int Rank, Sha256Digest Score, bool Selected);

/// <summary>The full ranking, stratum by stratum in canonical order, and the candidates taken.</summary>
public sealed record DrawOutcome(IReadOnlyList<RankedCandidate> Ranking)
{
    public IReadOnlyList<DrawCandidate> Selected => [.. Ranking.Where(r => r.Selected).Select(r => r.Candidate)];
}

/// <summary>
/// The draw, algorithm <c>ev-draw-1</c> (in the manner of RFC 3797, with SHA-256): each candidate's score is
/// SHA-256(UTF-8(seed) ‖ 0x00 ‖ UTF-8(line)), where line is the candidate's canonical line (<c>id</c>, or
/// <c>stratum TAB id</c>, so a stratum prefixes its ids); within each stratum candidates are ranked by score, compared
/// as unsigned big-endian numbers (lowest first), and the first N of the stratum's quota are taken. No other source
/// of chance exists: the same list and seed always give the same outcome, and a shell repeats a score with
/// <c>printf '%s\0%s' "$seed" "$line" | sha256sum</c>.
/// </summary>
public static class DrawAlgorithm
{
    public const string Version = "ev-draw-1";

    public static DrawOutcome Run(CandidateList list, DrawSeed seed, DrawQuota quota)
    {
        quota.EnsureFits(list);
        var ranking = new List<RankedCandidate>(list.Candidates.Count);
        foreach (var stratum in list.Candidates.GroupBy(c => c.Stratum))
        {
            var take = quota.For(stratum.Key);
            var scored = stratum.Select(c => (Candidate: c, Score: Score(seed, c))).OrderBy(s => s.Score.Hex, StringComparer.Ordinal);
            ranking.AddRange(scored.Select((s, i) => new RankedCandidate(s.Candidate, i + 1, s.Score, i < take)));
        }

        return new DrawOutcome(ranking);
    }

    public static Sha256Digest Score(DrawSeed seed, DrawCandidate candidate)
    {
        var seedBytes = Encoding.UTF8.GetBytes(seed.Value);
        var lineBytes = Encoding.UTF8.GetBytes(candidate.Line);
        var input = new byte[seedBytes.Length + 1 + lineBytes.Length];
        seedBytes.CopyTo(input, 0);
        lineBytes.CopyTo(input, seedBytes.Length + 1);
        return Sha256Digest.FromBytes(SHA256.HashData(input));
    }
}
