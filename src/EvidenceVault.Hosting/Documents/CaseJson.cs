namespace EvidenceVault.Hosting.Documents;

/// <summary>An enforcement case as <see cref="CaseDocuments.Case"/> prints it.</summary>
public sealed record CaseJson(string Number, string Type, string Party, string? Title, IReadOnlyList<string> Officers, string Status, string? CreatedAt, string? ClosedAt);

public sealed record ActivityJson(long Id, string Stage, string ActivityType, IReadOnlyList<string> Officers, string? Place, string? Start, string? End);

/// <summary>A recording's link to a case, automatic or manual, and why.</summary>
public sealed record LinkJson(string RecordingId, string CaseNumber, long? ActivityId, string Stage, string Origin, string Reason, string? DocumentType, string? LinkedAt);

/// <summary>A case with everything recorded in it (<c>GET /cases/{number}</c>, <c>cases show</c>).</summary>
public sealed record CaseDetailsJson(CaseJson Case, IReadOnlyList<ActivityJson> Activities, LegalReviewJson? LegalReview, DecisionJson? Decision, IReadOnlyList<LinkJson> Links);

/// <summary>A recording placed on a case's timeline, with the link that placed it.</summary>
public sealed record TimelineRecordJson(
    string RecordingId,
    string Kind,
    string? RecordedAt,
    double? DurationSeconds,
    string? OfficerId,
    string SourcePath,
    string Origin,
    long? ActivityId,
    string? DocumentType,
    string Reason);

/// <summary>A case's procedure by stage, the recordings suggested for it, and what the completeness check found.</summary>
public sealed record TimelineJson(CaseJson Case, IReadOnlyList<TimelineStageJson> Stages, IReadOnlyList<TimelineRecordJson> Suggestions, IReadOnlyList<FindingJson> Findings);

public sealed record TimelineStageJson(string Stage, IReadOnlyList<ActivityJson> Activities, IReadOnlyList<TimelineRecordJson> Records);

public sealed record FindingJson(string Stage, string Rule, string Message, long? ActivityId);

/// <summary>A statutory deadline of a case; <c>doneOn</c> is null while it is open.</summary>
public sealed record DeadlineJson(string Subject, string? CaseNumber, string Obligation, string Due, string Rule, string? DoneOn, int DaysLate, bool Provisional);

public sealed record DecisionJson(string CaseNumber, string Date, string Conclusion, bool Major, string? PublishedOn, string? RevokedOn, string? TakenDownOn);

public sealed record LegalReviewJson(string CaseNumber, string Reviewer, string Opinion, string Date);
