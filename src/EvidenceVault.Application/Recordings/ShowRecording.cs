using EvidenceVault.Application.Access;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;
using Mediator;

namespace EvidenceVault.Application.Recordings;

/// <summary>One recording's full catalog entry; viewing it is a custody event, naming the grant when one is used.</summary>
public sealed record ShowRecordingQuery(RecordingId Id, RetrievalId? Grant = null) : IQuery<RecordingEntry>;

public sealed class ShowRecordingHandler(ICustodyLog custody, CustodyEntries entries, RecordingAccess access)
    : IQueryHandler<ShowRecordingQuery, RecordingEntry>
{
    public async ValueTask<RecordingEntry> Handle(ShowRecordingQuery query, CancellationToken cancellationToken)
    {
        var (recording, grant) = await access.RequireEntryAsync(query.Id, query.Grant, cancellationToken);
        await custody.AppendAsync(entries.Entry(query.Id.Value, new RecordingViewedDetails(grant?.Id.ToString())), cancellationToken);
        return recording;
    }
}

/// <summary>No recording has this id.</summary>
public sealed class RecordingNotFoundException(RecordingId id) : Exception($"No recording has the id {id}.")
{
    public RecordingId Id { get; } = id;
}
