using EvidenceVault.Application.Access;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;
using Mediator;

namespace EvidenceVault.Application.Cases;

/// <summary>The unfiled queue: recordings not (yet) part of any case, per officer, as far as the actor may see them.</summary>
public sealed record ListUnfiledQuery(OfficerId? Officer) : IQuery<IReadOnlyList<RecordingEntry>>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.CaseWork;
}

public sealed class ListUnfiledHandler(ICaseStore cases, ListAccess access) : IQueryHandler<ListUnfiledQuery, IReadOnlyList<RecordingEntry>>
{
    public async ValueTask<IReadOnlyList<RecordingEntry>> Handle(ListUnfiledQuery query, CancellationToken cancellationToken)
    {
        var scope = await access.RecordingScopeAsync(cancellationToken);
        var recordings = await cases.UnfiledAsync(query.Officer, scope, cancellationToken);
        await access.RecordAsync("unfiled", query.Officer is { } officer ? $"officer={officer}" : "all officers", RecordingScope.Describe(scope), recordings.Count, cancellationToken);
        return recordings;
    }
}
