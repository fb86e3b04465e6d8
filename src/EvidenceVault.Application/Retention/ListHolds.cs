using EvidenceVault.Application.Access;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Retention;

/// <summary>Legal holds, active ones only unless <see cref="IncludeReleased"/>.</summary>
public sealed record ListHoldsQuery(bool IncludeReleased) : IQuery<IReadOnlyList<LegalHold>>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Audit;
}

public sealed class ListHoldsHandler(IRetentionStore store) : IQueryHandler<ListHoldsQuery, IReadOnlyList<LegalHold>>
{
    public async ValueTask<IReadOnlyList<LegalHold>> Handle(ListHoldsQuery query, CancellationToken cancellationToken) =>
        await store.HoldsAsync(activeOnly: !query.IncludeReleased, cancellationToken);
}
