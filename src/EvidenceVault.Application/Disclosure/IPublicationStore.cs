using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Disclosure;

namespace EvidenceVault.Application.Disclosure;

/// <summary>
/// Publication drafts (internal: the original next to the masked text) and the published projection the public site
/// reads. Publishing copies only the masked public fields into the projection; every change carries its custody
/// entries in the same transaction.
/// </summary>
public interface IPublicationStore
{
    /// <summary>Stores a new draft and returns its id; the custody entry is built from that id.</summary>
    Task<long> CreateDraftAsync(PublicationDraft draft, Func<long, CustodyEntry> custody, CancellationToken cancellationToken);

    Task<PublicationDraft?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>Drafts and publications, newest first, of one status when given.</summary>
    Task<IReadOnlyList<PublicationDraft>> ListAsync(PublicationStatus? status, CancellationToken cancellationToken);

    /// <summary>Replaces a draft's party rules (redactions) and its masked text; only while it is a draft.</summary>
    Task ReviseAsync(long id, DisclosureParty party, DecisionText masked, CustodyEntry custody, CancellationToken cancellationToken);

    /// <summary>Marks the draft published by the approver and writes the projection row; also the decision's published_on.</summary>
    Task PublishAsync(long id, string approver, PublishedDecision published, DateOnly publishedOn, IReadOnlyList<CustodyEntry> custody, CancellationToken cancellationToken);

    /// <summary>Shows the projection row as withdrawn with the reason; the decision's revocation and takedown dates too.</summary>
    Task WithdrawAsync(long id, PublishedWithdrawal withdrawal, DateOnly revokedOn, DateOnly takenDownOn, IReadOnlyList<CustodyEntry> custody, CancellationToken cancellationToken);

    /// <summary>Published or withdrawn publications whose display period ended by <paramref name="now"/> but are not yet marked ended.</summary>
    Task<IReadOnlyList<PublicationDraft>> DisplayEndedAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Marks one publication ended (off the site).</summary>
    Task EndAsync(long id, CustodyEntry custody, CancellationToken cancellationToken);

    /// <summary>Adds a signed custody checkpoint to the public ledger heads; false when it is already there.</summary>
    Task<bool> PublishCheckpointAsync(PublishedCheckpoint checkpoint, CancellationToken cancellationToken);
}

/// <summary>A publication as the workflow holds it: the original, the party's masking rules, and the masked text.</summary>
public sealed record PublicationDraft(
    long Id,
    CaseNumber Case,
    DecisionText Original,
    DisclosureParty Party,
    DecisionText Masked,
    string Drafter,
    DateTimeOffset DraftedAt,
    PublicationStatus Status)
{
    public string? Approver { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public DateTimeOffset? DisplayUntil { get; init; }

    public PublishedWithdrawal? Withdrawal { get; init; }
}
