using EvidenceVault.Application.Access;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;
using Mediator;

namespace EvidenceVault.Application.Redaction;

/// <summary>The redacted copies of a recording with their lineage, oldest first, for whoever may see the recording's entry.</summary>
public sealed record ListRedactionsQuery(RecordingId Id, RetrievalId? Grant = null) : IQuery<IReadOnlyList<RecordingRedaction>>;

public sealed class ListRedactionsHandler(IRedactionStore store, RecordingAccess access) : IQueryHandler<ListRedactionsQuery, IReadOnlyList<RecordingRedaction>>
{
    public async ValueTask<IReadOnlyList<RecordingRedaction>> Handle(ListRedactionsQuery query, CancellationToken cancellationToken)
    {
        await access.RequireEntryAsync(query.Id, query.Grant, cancellationToken);
        return await store.ListAsync(query.Id, cancellationToken);
    }
}
