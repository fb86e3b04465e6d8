using EvidenceVault.Application.Access;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Draws;
using Mediator;

namespace EvidenceVault.Application.Draws;

/// <summary>One draw: its terms and commitment, and its outcome once revealed.</summary>
public sealed record ShowDrawQuery(DrawId Id) : IQuery<Draw>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Supervision;
}

public sealed class ShowDrawHandler(IDrawStore store) : IQueryHandler<ShowDrawQuery, Draw>
{
    public async ValueTask<Draw> Handle(ShowDrawQuery query, CancellationToken cancellationToken) => await store.RequireAsync(query.Id, cancellationToken);
}
