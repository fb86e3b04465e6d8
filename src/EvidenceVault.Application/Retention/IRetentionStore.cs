using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Retention;

namespace EvidenceVault.Application.Retention;

/// <summary>Marks, categories, legal holds and deletion proposals; every change with its custody entry.</summary>
public interface IRetentionStore
{
    /// <summary>Sets (or replaces) a mark on a recording.</summary>
    Task SetMarkAsync(MarkRecord mark, CustodyEntry custody, CancellationToken cancellationToken);

    /// <summary>Removes a mark; false when the recording did not carry it.</summary>
    Task<bool> ClearMarkAsync(RecordingId recording, RecordingMark mark, CustodyEntry custody, CancellationToken cancellationToken);

    Task<IReadOnlyList<MarkRecord>> MarksAsync(RecordingId? recording, CancellationToken cancellationToken);

    /// <summary>Sets a recording's retention category, or clears it when <paramref name="category"/> is null.</summary>
    Task SetCategoryAsync(RecordingId recording, string? category, CustodyEntry custody, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<RecordingId, string>> CategoriesAsync(CancellationToken cancellationToken);

    /// <summary>Places a hold and returns it with its id (the custody entry is written with that id).</summary>
    Task<LegalHold> PlaceHoldAsync(LegalHold hold, Func<LegalHold, CustodyEntry> custody, CancellationToken cancellationToken);

    Task ReleaseHoldAsync(long id, string releasedBy, string reason, DateTimeOffset at, CustodyEntry custody, CancellationToken cancellationToken);

    Task<IReadOnlyList<LegalHold>> HoldsAsync(bool activeOnly, CancellationToken cancellationToken);

    /// <summary>Records a proposal and returns it with its id (the custody entry is written with that id).</summary>
    Task<DeletionProposal> ProposeAsync(DeletionProposal proposal, Func<DeletionProposal, CustodyEntry> custody, CancellationToken cancellationToken);

    Task<DeletionProposal?> FindProposalAsync(long id, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeletionProposal>> ProposalsAsync(DeletionStatus? status, CancellationToken cancellationToken);

    /// <summary>Adds an approval and moves the proposal to its new status (and recovery deadline) in one transaction.</summary>
    Task ApproveAsync(long id, DeletionApproval approval, DeletionStatus status, DateTimeOffset? destroyAfter, CustodyEntry custody, CancellationToken cancellationToken);

    /// <summary>Moves a proposal to a final status (rejected, recovered, destroyed).</summary>
    Task CloseProposalAsync(long id, DeletionStatus status, CustodyEntry custody, CancellationToken cancellationToken);

    /// <summary>Records a change that shortened a recording's retention term, with its custody entry.</summary>
    Task RecordShorteningAsync(TermShortening shortening, CustodyEntry custody, CancellationToken cancellationToken);

    /// <summary>The shortenings made at or after <paramref name="since"/>, oldest first.</summary>
    Task<IReadOnlyList<TermShortening>> ShorteningsSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}

/// <summary>A change (a detach from a case) that let a recording go sooner: the term before and after, who approved it.</summary>
public sealed record TermShortening(RecordingId Recording, string Change, string From, string To, string Actor, DateTimeOffset At);

/// <summary>A mark on a recording, who set it and why; evidence marks name their case.</summary>
public sealed record MarkRecord(RecordingId Recording, RecordingMark Mark, CaseNumber? Case, string Reason, string Actor, DateTimeOffset At);

/// <summary>What a legal hold covers: one recording or every recording linked to a case.</summary>
public enum HoldScope
{
    Recording,
    Case,
}

/// <summary>A legal hold (with its reason and authority); beats every retention term until released.</summary>
public sealed record LegalHold(
    long Id,
    HoldScope Scope,
    string Target,
    string Reason,
    string Authority,
    string PlacedBy,
    DateTimeOffset PlacedAt,
    DateTimeOffset? ReleasedAt,
    string? ReleasedBy,
    string? ReleaseReason)
{
    public bool IsActive => ReleasedAt is null;
}
