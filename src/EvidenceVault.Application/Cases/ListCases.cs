using EvidenceVault.Application.Access;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using Mediator;

namespace EvidenceVault.Application.Cases;

/// <summary>Cases, newest first, optionally only open or only closed ones, and at most <see cref="Limit"/> of them.</summary>
public sealed record ListCasesQuery(CaseStatus? Status, int? Limit = null) : IQuery<IReadOnlyList<EnforcementCase>>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Everyone;
}

public sealed class ListCasesHandler(ICaseStore cases) : IQueryHandler<ListCasesQuery, IReadOnlyList<EnforcementCase>>
{
    public async ValueTask<IReadOnlyList<EnforcementCase>> Handle(ListCasesQuery query, CancellationToken cancellationToken) =>
        await cases.ListAsync(query.Status, query.Limit, cancellationToken);
}
