using EvidenceVault.Application.Access;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Fixity;

/// <summary>Integrity incidents, newest first; all of them, or only open or resolved ones.</summary>
public sealed record ListIncidentsQuery(IncidentStatus? Status) : IQuery<IReadOnlyList<IntegrityIncident>>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => [Role.Archivist, Role.Reviewer, Role.Administrator];
}

public sealed class ListIncidentsHandler(IFixityStore store) : IQueryHandler<ListIncidentsQuery, IReadOnlyList<IntegrityIncident>>
{
    public async ValueTask<IReadOnlyList<IntegrityIncident>> Handle(ListIncidentsQuery query, CancellationToken cancellationToken) =>
        await store.IncidentsAsync(query.Status, cancellationToken);
}
