using EvidenceVault.Application.Access;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Draws;
using Mediator;

namespace EvidenceVault.Application.Draws;

/// <summary>Every draw, newest first.</summary>
public sealed record ListDrawsQuery : IQuery<IReadOnlyList<Draw>>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Supervision;
}

public sealed class ListDrawsHandler(IDrawStore store) : IQueryHandler<ListDrawsQuery, IReadOnlyList<Draw>>
{
    public async ValueTask<IReadOnlyList<Draw>> Handle(ListDrawsQuery query, CancellationToken cancellationToken) => await store.ListAsync(cancellationToken);
}
