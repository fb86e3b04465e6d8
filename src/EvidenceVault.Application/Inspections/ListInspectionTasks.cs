using EvidenceVault.Application.Access;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Inspections;

/// <summary>Every task, newest first.</summary>
public sealed record ListInspectionTasksQuery : IQuery<IReadOnlyList<InspectionTask>>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Supervision;
}

public sealed class ListInspectionTasksHandler(IInspectionTaskStore tasks) : IQueryHandler<ListInspectionTasksQuery, IReadOnlyList<InspectionTask>>
{
    public async ValueTask<IReadOnlyList<InspectionTask>> Handle(ListInspectionTasksQuery query, CancellationToken cancellationToken) => await tasks.ListAsync(cancellationToken);
}
