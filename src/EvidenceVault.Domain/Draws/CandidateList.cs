using System.Security.Cryptography;
using System.Text;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Domain.Draws;

/// <summary>
/// A draw's candidates in canonical form, so that anyone holding the same candidates gets the same hash whatever order
/// or line endings their copy has. Canonical form: each candidate's line (<c>id</c>, or <c>stratum TAB id</c> when
/// stratified) in UTF-8, sorted by those bytes (as <c>LC_ALL=C sort</c>), each followed by one LF, no BOM. The list
/// hash is the SHA-256 of exactly those bytes: <c>LC_ALL=C sort -u list.txt | sha256sum</c> repeats it.
/// </summary>
public sealed class CandidateList
{
    private CandidateList(IReadOnlyList<DrawCandidate> candidates, bool stratified)
    {
        Candidates = candidates;
        IsStratified = stratified;
        Canonical = string.Concat(candidates.Select(c => c.Line + "\n"));
        Hash = new CandidateListHash(Sha256Digest.FromBytes(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical))));
    }

    /// <summary>In canonical order.</summary>
    public IReadOnlyList<DrawCandidate> Candidates { get; }

    public bool IsStratified { get; }

    /// <summary>The exact text hashed.</summary>
    public string Canonical { get; }

    public CandidateListHash Hash { get; }

    /// <summary>The strata in canonical order (none when unstratified).</summary>
    public IReadOnlyList<string> Strata => [.. Candidates.Where(c => c.Stratum is not null).Select(c => c.Stratum!).Distinct()];

    /// <summary>Refuses an empty list, a mix of stratified and unstratified candidates, and an id listed twice (in any stratum).</summary>
    public static CandidateList Of(IEnumerable<DrawCandidate> candidates)
    {
        var sorted = candidates.OrderBy(c => c.Line, Utf8Order.Instance).ToList();
        if (sorted.Count == 0)
        {
            throw new FormatException("A draw needs at least one candidate.");
        }

        var stratified = sorted[0].Stratum is not null;
        if (sorted.Any(c => (c.Stratum is not null) != stratified))
        {
            throw new FormatException("A draw's candidates are either all in a stratum (stratum TAB id) or none is.");
        }

        var twice = sorted.GroupBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return twice is null
            ? new CandidateList(sorted, stratified)
            : throw new FormatException($"Candidate '{twice.Key}' is listed {twice.Count()} times; each candidate appears once.");
    }

    /// <summary>Reads a list file: one candidate per line (<c>id</c> or <c>stratum TAB id</c>), any order, LF or CRLF, blank lines ignored.</summary>
    public static CandidateList Parse(string text) =>
        Of(text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).Select(DrawCandidate.ParseLine));
}
