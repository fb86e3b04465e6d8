using EvidenceVault.Application.Access;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Retrieval;

/// <summary>One retrieval request or grant.</summary>
public sealed record ShowRetrievalQuery(RetrievalId Id) : IQuery<RetrievalRequest>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Everyone;
}

public sealed class ShowRetrievalHandler(IRetrievalStore store) : IQueryHandler<ShowRetrievalQuery, RetrievalRequest>
{
    public async ValueTask<RetrievalRequest> Handle(ShowRetrievalQuery query, CancellationToken cancellationToken) => await store.RequireAsync(query.Id, cancellationToken);
}
