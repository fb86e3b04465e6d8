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
    public async ValueTask<RetrievalRequest> Handle(ShowRetrievalQuery query, CancellationToken cancellationToken) =>
        await access.RequireVisibleAsync(store, query.Id, cancellationToken);
}

internal static class RetrievalVisibility
{
    /// <summary>The request, if the acting user is its holder, may decide it, or administers; otherwise a logged denial.</summary>
    public static async Task<RetrievalRequest> RequireVisibleAsync(this AccessControl access, IRetrievalStore store, RetrievalId id, CancellationToken cancellationToken)
    {
        var request = await store.RequireAsync(id, cancellationToken);
        return await access.ActingUserAsync(cancellationToken) is not { } user || request.IsVisibleTo(user)
            ? request
            : throw await access.DenyAsync(id.ToString(), $"Request {id} belongs to {request.Requester}; it is shown to its holder, {request.Tier.Approver}, and administrators.", id, cancellationToken);
    }
}
