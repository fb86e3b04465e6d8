using EvidenceVault.Application.Access;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Inspections;
using Mediator;

namespace EvidenceVault.Application.Inspections;

/// <summary>The newest version of a pool (or a given version), with its SHA-256.</summary>
public sealed record ShowInspectionPoolQuery(InspectionPoolKind Kind, long? Version = null) : IQuery<InspectionPool>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Supervision;
}

public sealed class ShowInspectionPoolHandler(IInspectionPoolStore store) : IQueryHandler<ShowInspectionPoolQuery, InspectionPool>
{
    public async ValueTask<InspectionPool> Handle(ShowInspectionPoolQuery query, CancellationToken cancellationToken)
    {
        if (query.Version is not { } version)
        {
            return await store.RequireLatestAsync(query.Kind, cancellationToken);
        }

        var pool = await store.FindAsync(version, cancellationToken);
        return pool is not null && pool.Kind == query.Kind ? pool : throw new NotFoundException($"No {query.Kind} pool version {version}.");
    }
}
