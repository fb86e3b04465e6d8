using EvidenceVault.Application.Access;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Retrieval;

/// <summary>One retrieval request or grant, for its holder, those who may decide it, and administrators.</summary>
public sealed record ShowRetrievalQuery(RetrievalId Id) : IQuery<RetrievalRequest>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Everyone;
}

public sealed class ShowRetrievalHandler(IRetrievalStore store, AccessControl access) : IQueryHandler<ShowRetrievalQuery, RetrievalRequest>
{
    public async ValueTask<RetrievalRequest> Handle(ShowRetrievalQuery query, CancellationToken cancellationToken)
    {
        var request = await store.RequireAsync(query.Id, cancellationToken);
        return await access.ActingUserAsync(cancellationToken) is not { } user || request.IsVisibleTo(user)
            ? request
            : throw await access.DenyAsync(query.Id.ToString(), $"Request {query.Id} belongs to {request.Requester}; it is shown to its holder, {request.Tier.Approver}, and administrators.", query.Id, cancellationToken);
    }
}
