using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Recordings;
using Mediator;

namespace EvidenceVault.Application.Recordings;

/// <summary>One recording's full catalog entry; viewing it is a custody event.</summary>
public sealed record ShowRecordingQuery(RecordingId Id) : IQuery<RecordingEntry>;

public sealed class ShowRecordingHandler(ICatalog catalog, ICustodyLog custody, IActorContext actor, TimeProvider time)
    : IQueryHandler<ShowRecordingQuery, RecordingEntry>
{
    public async ValueTask<RecordingEntry> Handle(ShowRecordingQuery query, CancellationToken cancellationToken)
    {
        var recording = await catalog.FindAsync(query.Id, cancellationToken) ?? throw new RecordingNotFoundException(query.Id);
        await custody.AppendAsync(new CustodyEntry(time.GetUtcNow(), actor.Actor, CustodyActions.Viewed, query.Id.Value, "{}"), cancellationToken);
        return recording;
    }
}

/// <summary>No recording has this id.</summary>
public sealed class RecordingNotFoundException(RecordingId id) : Exception($"No recording has the id {id}.")
{
    public RecordingId Id { get; } = id;
}
