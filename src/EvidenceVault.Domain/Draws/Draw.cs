using EvidenceVault.Domain.Access;

namespace EvidenceVault.Domain.Draws;

/// <summary>What a draw selects: the same mechanism serves spot checks of recordings and both lists of 双随机.</summary>
public enum DrawKind
{
    General,

    /// <summary>执法记录抽查: candidates are recordings, stratified by officer or unit and period.</summary>
    SpotCheck,

    /// <summary>双随机: inspection targets.</summary>
    InspectionTargets,

    /// <summary>双随机: inspectors.</summary>
    Inspectors,
}

/// <summary>The seed once public, who entered it and when, the candidates it selected, and for a spot check the grant it issued.</summary>
public sealed record DrawReveal(DrawSeed Seed, string By, DateTimeOffset At, IReadOnlyList<DrawCandidate> Selected, RetrievalId? Grant);

/// <summary>
/// A committed draw: its candidates, seed source and quota are fixed (their commitment published) before the seed exists;
/// it is revealed once, at or after the time the seed is due, and never again. <see cref="ListHash"/> is the hash stored
/// at commitment, kept beside the candidates so that a changed list shows as a mismatch rather than a new commitment.
/// </summary>
public sealed record Draw(
    DrawId Id,
    DrawKind Kind,
    string Title,
    CandidateList Candidates,
    SeedSource SeedSource,
    DrawQuota Quota,
    CandidateListHash ListHash,
    DateTimeOffset SeedDueAt,
    string CommittedBy,
    DateTimeOffset CommittedAt,
    DrawReveal? Reveal)
{
    public DrawTerms Terms => new(ListHash, SeedSource, Quota);

    public DrawCommitment Commitment => Terms.Commitment;

    /// <summary>The outcome a seed gives, refusing a reveal before the seed is due and a second reveal (whatever its seed).</summary>
    public DrawOutcome RevealWith(DrawSeed seed, DateTimeOffset now)
    {
        if (Reveal is { } done)
        {
            throw new DrawRefusedException($"{Id} was already revealed at {done.At:yyyy-MM-dd HH:mm zzz} with seed '{done.Seed}'; a draw is revealed once.");
        }

        return now < SeedDueAt
            ? throw new DrawRefusedException($"{Id} may not be revealed before its seed ({SeedSource}) is due at {SeedDueAt:yyyy-MM-dd HH:mm zzz}.")
            : DrawAlgorithm.Run(Candidates, seed, Quota);
    }

    /// <summary>Why the stored candidates no longer give the committed list hash, or null when they do.</summary>
    public string? ListProblem => Candidates.Hash == ListHash
        ? null
        : $"the stored candidates hash to {Candidates.Hash}, not the committed {ListHash}: the list was changed after the commitment";
}

/// <summary>A draw's rules refuse the step now (a reveal too early or a second time).</summary>
public sealed class DrawRefusedException(string message) : Exception(message);
