using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Cases;

/// <summary>Cases, their activities, reviews, decisions and the links between recordings and cases.</summary>
public interface ICaseStore
{
    /// <summary>Creates a case; throws <see cref="CaseConflictException"/> when the number is taken.</summary>
    Task CreateAsync(EnforcementCase enforcementCase, CustodyEntry custody, CancellationToken cancellationToken);

    Task<EnforcementCase?> FindAsync(CaseNumber number, CancellationToken cancellationToken);

    /// <summary>Cases, newest first; at most <paramref name="limit"/> of them when one is given.</summary>
    Task<IReadOnlyList<EnforcementCase>> ListAsync(CaseStatus? status, int? limit, CancellationToken cancellationToken);

    Task CloseAsync(CaseNumber number, DateTimeOffset at, CustodyEntry custody, CancellationToken cancellationToken);

    /// <summary>Opens a closed case again (its closing time cleared), with the custody entry naming both people.</summary>
    Task ReopenAsync(CaseNumber number, CustodyEntry custody, CancellationToken cancellationToken);

    /// <summary>
    /// Adds an activity and returns it with its id; the custody entry is built from the stored activity (id known)
    /// and written in the same transaction.
    /// </summary>
    Task<CaseActivity> AddActivityAsync(CaseActivity activity, Func<CaseActivity, CustodyEntry> custody, CancellationToken cancellationToken);

    /// <summary>Replaces an activity's stage, type, officers, place and window (matched by id and case).</summary>
    Task UpdateActivityAsync(CaseActivity activity, CustodyEntry custody, CancellationToken cancellationToken);

    Task<IReadOnlyList<CaseActivity>> ActivitiesAsync(CaseNumber number, CancellationToken cancellationToken);

    /// <summary>Activities of open cases whose window overlaps [from, to]: the candidates for linking.</summary>
    Task<IReadOnlyList<CaseActivity>> ActivitiesOverlappingAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    Task RecordReviewAsync(LegalReview review, CustodyEntry custody, CancellationToken cancellationToken);

    Task<LegalReview?> FindReviewAsync(CaseNumber number, CancellationToken cancellationToken);

    /// <summary>Records the decision; the custody entries (the decision, the deadline it opens) share its transaction.</summary>
    Task RecordDecisionAsync(CaseDecision decision, IReadOnlyList<CustodyEntry> custody, CancellationToken cancellationToken);

    Task<IReadOnlyList<CaseDecision>> DecisionsAsync(CaseNumber? number, CancellationToken cancellationToken);

    /// <summary>Records the date of a disclosure step of a case's decision, with its custody entries in the same transaction.</summary>
    Task RecordDisclosureAsync(CaseNumber number, DisclosureStep step, DateOnly date, IReadOnlyList<CustodyEntry> custody, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the link between a recording and a case (one per pair).</summary>
    Task LinkAsync(RecordingLink link, CustodyEntry custody, CancellationToken cancellationToken);

    /// <summary>Removes a link; false when there was none.</summary>
    Task<bool> UnlinkAsync(CaseNumber number, RecordingId recording, CustodyEntry custody, CancellationToken cancellationToken);

    Task<IReadOnlyList<RecordingLink>> LinksAsync(CaseNumber? number, RecordingId? recording, CancellationToken cancellationToken);

    /// <summary>Recordings with no confirmed link to any case (suggestions do not count), newest first.</summary>
    Task<IReadOnlyList<RecordingEntry>> UnfiledAsync(OfficerId? officer, RecordingScope? scope, CancellationToken cancellationToken);
}

/// <summary>How a link came about.</summary>
public enum LinkOrigin
{
    /// <summary>Matched by officer and time window.</summary>
    Automatic,

    /// <summary>Attached by a person, with a reason.</summary>
    Manual,

    /// <summary>A tie or near miss: shown for a person to confirm, never counted as filed.</summary>
    Suggested,
}

/// <summary>A recording's place in a case: the stage (and activity) it documents, and why it is there.</summary>
public sealed record RecordingLink(
    RecordingId Recording,
    CaseNumber Case,
    long? ActivityId,
    ProcedureStage Stage,
    LinkOrigin Origin,
    string Reason,
    string? DocumentType,
    DateTimeOffset At);

/// <summary>A case-level conflict or missing case, with a message for the user.</summary>
public sealed class CaseConflictException(string message) : Exception(message);
