using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Domain.Cases;

/// <summary>
/// One on-site or office action of a case: its stage, an activity type (e.g. <c>seizure</c>, <c>inspection</c>,
/// <c>hearing</c>, <c>service</c>; free text, matched by completeness rules), who took part, where, and when.
/// </summary>
public sealed record CaseActivity(
    long Id,
    CaseNumber Case,
    ProcedureStage Stage,
    string ActivityType,
    IReadOnlyList<OfficerId> Officers,
    string? Place,
    DateTimeOffset Start,
    DateTimeOffset End);
