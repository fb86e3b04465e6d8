using EvidenceVault.Domain.Cases;

namespace EvidenceVault.Domain.Retention;

/// <summary>Everything the retention rules look at for one recording.</summary>
/// <param name="RecordedAt">When it was recorded (the ingest time when the recorder gave none).</param>
/// <param name="Category">The retention category an archivist gave it, if any.</param>
/// <param name="Marks">Marks set on it (evidence, obstruction, complaint...).</param>
/// <param name="Cases">Cases it is confirmed linked to (suggestions do not count).</param>
/// <param name="Holds">Ids of active legal holds covering it, directly or through a case.</param>
public sealed record RetentionInputs(
    DateTimeOffset RecordedAt,
    string? Category,
    IReadOnlyCollection<RecordingMark> Marks,
    IReadOnlyList<LinkedCase> Cases,
    IReadOnlyList<long> Holds)
{
    /// <summary>When a change last shortened the recording's term (within the risk gate's window), if one did.</summary>
    public DateTimeOffset? TermShortenedAt { get; init; }
}

/// <summary>A case a recording is linked to, with what the rules need from it.</summary>
public sealed record LinkedCase(
    CaseNumber Number,
    EnforcementType Type,
    CaseStatus Status,
    DateTimeOffset? ClosedAt,
    DateOnly? DecisionDate,
    DateTimeOffset? LastActivityEnd);
