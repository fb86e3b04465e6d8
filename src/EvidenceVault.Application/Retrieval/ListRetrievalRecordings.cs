using EvidenceVault.Application.Access;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;
using Mediator;

namespace EvidenceVault.Application.Retrieval;

/// <summary>
/// Exactly what a retrieval request covers — each recording, whose it is, from which device and when — for the one
/// who must decide it (and its holder and administrators). Facts only, never bytes; the listing is on the ledger.
/// </summary>
public sealed record ListRetrievalRecordingsQuery(RetrievalId Id) : IQuery<IReadOnlyList<RetrievalItem>>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Everyone;
}

/// <summary>One recording a request names; <see cref="Kind"/> is null for a recording no longer in the catalog.</summary>
public sealed record RetrievalItem(RecordingId Recording, OfficerId? Officer, DeviceId? Device, DateTimeOffset? RecordedAt, RecordingKind? Kind);

public sealed class ListRetrievalRecordingsHandler(IRetrievalStore store, AccessControl access, ICatalog catalog, ListAccess lists)
    : IQueryHandler<ListRetrievalRecordingsQuery, IReadOnlyList<RetrievalItem>>
{
    public async ValueTask<IReadOnlyList<RetrievalItem>> Handle(ListRetrievalRecordingsQuery query, CancellationToken cancellationToken)
    {
        var request = await access.RequireVisibleAsync(store, query.Id, cancellationToken);
        var items = new List<RetrievalItem>(request.Recordings.Count);
        foreach (var id in request.Recordings)
        {
            var found = await catalog.FindAsync(id, cancellationToken);
            items.Add(new RetrievalItem(id, found?.Officer, found?.Device, found?.RecordedAt, found?.Kind));
        }

        await lists.RecordAsync("retrieval-recordings", $"request={request.Id}", "request", items.Count, cancellationToken);
        return items;
    }
}
