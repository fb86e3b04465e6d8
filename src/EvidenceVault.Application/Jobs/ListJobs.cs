using EvidenceVault.Application.Access;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Jobs;

/// <summary>The job queue, newest first, optionally only one state (dead jobs need a person).</summary>
public sealed record ListJobsQuery(JobState? State = null, int Limit = 200) : IQuery<IReadOnlyList<JobRow>>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => [Role.Archivist, Role.Administrator];
}

public sealed class ListJobsHandler(IJobQueue queue) : IQueryHandler<ListJobsQuery, IReadOnlyList<JobRow>>
{
    public async ValueTask<IReadOnlyList<JobRow>> Handle(ListJobsQuery query, CancellationToken cancellationToken) =>
        await queue.ListAsync(query.State, query.Limit, cancellationToken);
}
