using EvidenceVault.Application.Access;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Recordings;

/// <summary>Recordings matching the filter and visible to the actor (<see cref="ListAccess"/>), newest recording time first.</summary>
public sealed record ListRecordingsQuery(RecordingFilter Filter) : IQuery<IReadOnlyList<RecordingEntry>>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Everyone;
}

public sealed class ListRecordingsHandler(ICatalog catalog, ListAccess access) : IQueryHandler<ListRecordingsQuery, IReadOnlyList<RecordingEntry>>
{
    public async ValueTask<IReadOnlyList<RecordingEntry>> Handle(ListRecordingsQuery query, CancellationToken cancellationToken)
    {
        var scope = await access.RecordingScopeAsync(cancellationToken);
        var recordings = await catalog.ListAsync(query.Filter with { Scope = scope }, cancellationToken);
        await access.RecordAsync("recordings", query.Filter.Describe(), RecordingScope.Describe(scope), recordings.Count, cancellationToken);
        return recordings;
    }
}
