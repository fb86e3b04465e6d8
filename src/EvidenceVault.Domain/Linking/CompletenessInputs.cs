using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Domain.Linking;

/// <summary>What one stage of a case holds: its activities and the records linked to it.</summary>
public sealed record StageEvidence(ProcedureStage Stage, IReadOnlyList<StageActivity> Activities, IReadOnlyList<EvidenceRecord> Records);

/// <summary>An activity of the stage, by id and type (e.g. <c>seizure</c>, <c>hearing</c>).</summary>
public sealed record StageActivity(long Id, string ActivityType);

/// <summary>
/// A record linked to the stage. <paramref name="DocumentType"/> names a written record (e.g. <c>decision</c>,
/// <c>proof-of-service</c>, <c>notice</c>, <c>inspection-notes</c>). <paramref name="ActivityId"/> ties it to one
/// activity; null means it belongs to the stage as a whole and counts for every activity of the stage.
/// </summary>
public sealed record EvidenceRecord(RecordingKind Kind, string? DocumentType = null, long? ActivityId = null);

/// <summary>A rule not met: which stage, which rule, and the activity it concerns (null for a stage-wide rule).</summary>
public sealed record CompletenessFinding(ProcedureStage Stage, string RuleId, string Message, StageActivity? Activity);

/// <summary>
/// One completeness rule. <see cref="Stage"/> null = every stage; <see cref="ActivityType"/> null = the stage as a
/// whole, otherwise each activity of that type. Met by a record of one of <see cref="Requires"/> kinds and, when
/// <see cref="DocumentType"/> is set, of that document type.
/// </summary>
public sealed record CompletenessRule(
    string Id,
    ProcedureStage? Stage,
    string? ActivityType,
    IReadOnlyList<RecordingKind> Requires,
    string? DocumentType,
    string Message)
{
    public bool AppliesTo(ProcedureStage stage) => Stage is null || Stage == stage;

    public bool IsMetBy(EvidenceRecord record) =>
        Requires.Contains(record.Kind)
        && (DocumentType is null || string.Equals(record.DocumentType, DocumentType, StringComparison.OrdinalIgnoreCase));
}
