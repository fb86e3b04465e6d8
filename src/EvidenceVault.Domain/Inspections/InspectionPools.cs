using EvidenceVault.Domain.Draws;

namespace EvidenceVault.Domain.Inspections;

/// <summary>
/// A market subject in the inspection-target pool (检查对象名录): its unified social credit code (or other id) is its
/// candidate id in a draw, so the canonical list names each subject once and an outsider can repeat the draw.
/// </summary>
public sealed record InspectionTarget(string Code, string Name, string Category, string Area)
{
    public DrawCandidate Candidate => new(Code);
}

/// <summary>An enforcement officer in the inspector pool (执法检查人员名录), drawn by 执法证件号码; the unit is null only in versions imported before it was asked for.</summary>
public sealed record Inspector(string CertificateNumber, string Name, string Category, string Area, string? Unit = null)
{
    public DrawCandidate Candidate => new(CertificateNumber);
}

/// <summary>Which pool rows a task draws from: a category and/or an area, exact match; null matches every row.</summary>
public sealed record PoolFilter(string? Category, string? Area)
{
    public bool Matches(string category, string area) =>
        (Category is null || string.Equals(Category, category, StringComparison.Ordinal))
        && (Area is null || string.Equals(Area, area, StringComparison.Ordinal));

    /// <summary>The candidate list of the pool rows the filter keeps, as the existing draw mechanism hashes it.</summary>
    public CandidateList Targets(IEnumerable<InspectionTarget> pool) =>
        CandidateList.Of(pool.Where(t => Matches(t.Category, t.Area)).Select(t => t.Candidate));

    public CandidateList Inspectors(IEnumerable<Inspector> pool) =>
        CandidateList.Of(pool.Where(i => Matches(i.Category, i.Area)).Select(i => i.Candidate));
}
