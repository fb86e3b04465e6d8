using EvidenceVault.Application.PriorDisclosure;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Disclosure;

namespace EvidenceVault.Application.Disclosure;

/// <summary>
/// The one port the public site has: a read of the published projection. It holds only masked public fields, so
/// nothing read through it can lead to evidence, users or the ledger's private details.
/// </summary>
public interface IPublishedDisclosures
{
    /// <summary>Decisions on display at <paramref name="now"/> (published or withdrawn, not ended), newest first.</summary>
    Task<IReadOnlyList<PublishedDecision>> SearchAsync(PublishedDecisionFilter filter, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>One decision on display at <paramref name="now"/>, or null.</summary>
    Task<PublishedDecision?> FindAsync(long id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The published custody checkpoints, newest first.</summary>
    Task<IReadOnlyList<PublishedCheckpoint>> CheckpointsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>The published 事前公开 data, or null before the first publish; never an unpublished version.</summary>
    Task<PublishedPriorDisclosure?> PriorDisclosureAsync(CancellationToken cancellationToken);
}

/// <summary>Search of the public list: by agency, category, decision date range and 文书号 (substring matches for text).</summary>
public sealed record PublishedDecisionFilter
{
    public string? Agency { get; init; }

    public EnforcementType? Category { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public string? DocumentNumber { get; init; }

    public int Limit { get; init; } = 200;
}

/// <summary>A decision on the public site: masked text only, when it went up, until when it shows, and any withdrawal.</summary>
public sealed record PublishedDecision(long Id, DecisionText Text, DateTimeOffset PublishedAt, DateTimeOffset DisplayUntil, PublishedWithdrawal? Withdrawal)
{
    /// <summary>When the row last changed: what feeds and ETags are keyed by.</summary>
    public DateTimeOffset UpdatedAt => Withdrawal?.At ?? PublishedAt;
}

/// <summary>A withdrawal as shown to the public (行政处罚法 art. 48: the reason is published).</summary>
public sealed record PublishedWithdrawal(WithdrawalKind Kind, string Reason, DateTimeOffset At);

/// <summary>A signed custody checkpoint as published: its head and the signed note, verbatim.</summary>
public sealed record PublishedCheckpoint(string Name, long Size, string RootHash, DateTimeOffset Time, string Note);
