using EvidenceVault.Application.Access;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;
using Mediator;

namespace EvidenceVault.Application.Cases;

/// <summary>The unfiled queue: recordings not (yet) part of any case, per officer.</summary>
public sealed record ListUnfiledQuery(OfficerId? Officer) : IQuery<IReadOnlyList<RecordingEntry>>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.CaseWork;
}

public sealed class ListUnfiledHandler(ICaseStore cases) : IQueryHandler<ListUnfiledQuery, IReadOnlyList<RecordingEntry>>
{
    public async ValueTask<IReadOnlyList<RecordingEntry>> Handle(ListUnfiledQuery query, CancellationToken cancellationToken) =>
        await cases.UnfiledAsync(query.Officer, cancellationToken);
}
