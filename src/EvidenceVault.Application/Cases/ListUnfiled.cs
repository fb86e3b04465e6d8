using EvidenceVault.Application.Catalog;
using EvidenceVault.Domain.Recordings;
using Mediator;

namespace EvidenceVault.Application.Cases;

/// <summary>The unfiled queue: recordings not (yet) part of any case, per officer.</summary>
public sealed record ListUnfiledQuery(OfficerId? Officer) : IQuery<IReadOnlyList<RecordingEntry>>;

public sealed class ListUnfiledHandler(ICaseStore cases) : IQueryHandler<ListUnfiledQuery, IReadOnlyList<RecordingEntry>>
{
    public async ValueTask<IReadOnlyList<RecordingEntry>> Handle(ListUnfiledQuery query, CancellationToken cancellationToken) =>
        await cases.UnfiledAsync(query.Officer, cancellationToken);
}
