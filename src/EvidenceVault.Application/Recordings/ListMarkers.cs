using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;
using Mediator;

namespace EvidenceVault.Application.Recordings;

/// <summary>A recording's markers in media-time order, read back from its custody trail, for whoever may see the recording.</summary>
public sealed record ListMarkersQuery(RecordingId Id, RetrievalId? Grant = null) : IQuery<IReadOnlyList<RecordingMarker>>;

public sealed class ListMarkersHandler(ICustodyLog custody, RecordingAccess access) : IQueryHandler<ListMarkersQuery, IReadOnlyList<RecordingMarker>>
{
    public async ValueTask<IReadOnlyList<RecordingMarker>> Handle(ListMarkersQuery query, CancellationToken cancellationToken)
    {
        await access.RequireEntryAsync(query.Id, query.Grant, cancellationToken);
        return RecordingMarker.In(await custody.ReadAsync(query.Id.Value, cancellationToken));
    }
}
