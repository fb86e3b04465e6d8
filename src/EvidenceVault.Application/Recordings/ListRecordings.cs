using EvidenceVault.Application.Access;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Recordings;

/// <summary>Recordings matching the filter, newest recording time first.</summary>
public sealed record ListRecordingsQuery(RecordingFilter Filter) : IQuery<IReadOnlyList<RecordingEntry>>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.CaseWork;
}

public sealed class ListRecordingsHandler(ICatalog catalog) : IQueryHandler<ListRecordingsQuery, IReadOnlyList<RecordingEntry>>
{
    public async ValueTask<IReadOnlyList<RecordingEntry>> Handle(ListRecordingsQuery query, CancellationToken cancellationToken) =>
        await catalog.ListAsync(query.Filter, cancellationToken);
}
