using EvidenceVault.Application.Access;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Inspections;
using Mediator;

namespace EvidenceVault.Application.Inspections;

/// <summary>One task with its verification: pools, draws and the stored assignment replayed.</summary>
public sealed record ShowInspectionTaskQuery(InspectionTaskId Id) : IQuery<InspectionVerification>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Supervision;
}

public sealed class ShowInspectionTaskHandler(IInspectionTaskStore tasks, InspectionReplay replay) : IQueryHandler<ShowInspectionTaskQuery, InspectionVerification>
{
    public async ValueTask<InspectionVerification> Handle(ShowInspectionTaskQuery query, CancellationToken cancellationToken) =>
        await replay.VerifyAsync(await tasks.RequireAsync(query.Id, cancellationToken), cancellationToken);
}
