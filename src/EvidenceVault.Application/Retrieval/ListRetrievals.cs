using EvidenceVault.Application.Access;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Retrieval;

/// <summary>
/// Retrieval requests and grants the actor may see (their own, those they may decide, all for administrators),
/// newest first; <see cref="ActiveOnly"/> keeps the grants that give access now.
/// </summary>
public sealed record ListRetrievalsQuery(bool ActiveOnly) : IQuery<IReadOnlyList<RetrievalRequest>>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Everyone;
}

public sealed class ListRetrievalsHandler(IRetrievalStore store, ListAccess access, TimeProvider time) : IQueryHandler<ListRetrievalsQuery, IReadOnlyList<RetrievalRequest>>
{
    public async ValueTask<IReadOnlyList<RetrievalRequest>> Handle(ListRetrievalsQuery query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var requests = await access.VisibleAsync((await store.ListAsync(cancellationToken)).Where(r => !query.ActiveOnly || r.IsActiveAt(now)), cancellationToken);
        await access.RecordAsync("retrievals", query.ActiveOnly ? "active" : "all", "visible requests", requests.Count, cancellationToken);
        return requests;
    }
}
