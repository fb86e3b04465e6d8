using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Audit;

/// <summary>The chain of custody of one subject (a recording id, a case number, a source location), oldest first.</summary>
public sealed record ShowCustodyQuery(string? Subject) : IQuery<IReadOnlyList<CustodyRecord>>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Audit;
}

public sealed class ShowCustodyHandler(ICustodyLog custody) : IQueryHandler<ShowCustodyQuery, IReadOnlyList<CustodyRecord>>
{
    public async ValueTask<IReadOnlyList<CustodyRecord>> Handle(ShowCustodyQuery query, CancellationToken cancellationToken) =>
        await custody.ReadAsync(query.Subject, cancellationToken);
}
