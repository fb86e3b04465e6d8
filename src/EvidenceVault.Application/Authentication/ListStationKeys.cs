using EvidenceVault.Application.Access;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Authentication;

/// <summary>Every station key (prefix, station, user, issued, last used, revoked), newest first; never a secret.</summary>
public sealed record ListStationKeysQuery : IQuery<IReadOnlyList<StationKey>>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Administrators;
}

public sealed class ListStationKeysHandler(IStationKeyStore keys) : IQueryHandler<ListStationKeysQuery, IReadOnlyList<StationKey>>
{
    public async ValueTask<IReadOnlyList<StationKey>> Handle(ListStationKeysQuery query, CancellationToken cancellationToken) =>
        await keys.ListAsync(cancellationToken);
}
