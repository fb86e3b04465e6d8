using EvidenceVault.Application.Access;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.PriorDisclosure;

/// <summary>Every version of the 事前公开 data, newest first, each with what it changed and whether it is published.</summary>
public sealed record ShowPriorDisclosureQuery : IQuery<IReadOnlyList<PriorDisclosureVersion>>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Administrators;
}

public sealed class ShowPriorDisclosureHandler(IPriorDisclosureStore store) : IQueryHandler<ShowPriorDisclosureQuery, IReadOnlyList<PriorDisclosureVersion>>
{
    public async ValueTask<IReadOnlyList<PriorDisclosureVersion>> Handle(ShowPriorDisclosureQuery query, CancellationToken cancellationToken) =>
        await store.VersionsAsync(cancellationToken);
}
