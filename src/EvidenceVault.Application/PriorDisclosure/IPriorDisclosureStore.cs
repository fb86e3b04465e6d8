using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.PriorDisclosure;

namespace EvidenceVault.Application.PriorDisclosure;

/// <summary>
/// The versions of the 事前公开 data (internal) and the published projection the public site reads. Versions are never
/// changed except to be marked published; each write carries its custody entries in the same transaction.
/// </summary>
public interface IPriorDisclosureStore
{
    /// <summary>Every version, newest first.</summary>
    Task<IReadOnlyList<PriorDisclosureVersion>> VersionsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="version"/> as the next one; refused with <see cref="PriorDisclosureConflictException"/> when
    /// another edit took that number first, so no edit is ever lost silently.
    /// </summary>
    Task AppendAsync(PriorDisclosureVersion version, IReadOnlyList<CustodyEntry> custody, CancellationToken cancellationToken);

    /// <summary>Marks every unpublished version up to <paramref name="version"/> published and puts that version's data in the projection.</summary>
    Task PublishAsync(long version, string publisher, DateTimeOffset at, IReadOnlyList<CustodyEntry> custody, CancellationToken cancellationToken);
}

/// <summary>One version: the whole data set, what changed against the one before, who and when; and when it was published.</summary>
public sealed record PriorDisclosureVersion(long Number, PriorDisclosureSet Data, IReadOnlyList<string> Changes, string Editor, DateTimeOffset EditedAt)
{
    public string? Publisher { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>The custody subject and the deadline listing's reference.</summary>
    public string Subject => PriorDisclosureVersions.Subject(Number);
}

/// <summary>The published 事前公开 data as the public site shows it.</summary>
public sealed record PublishedPriorDisclosure(long Version, PriorDisclosureSet Data, DateTimeOffset PublishedAt);
