using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;
using Mediator;

namespace EvidenceVault.Application.Recordings;

/// <summary>
/// A recording's own custody trail, for whoever may see its catalog entry (its officer, archivists, administrators, or
/// a grant holder) — the recording page shows it, where the whole ledger stays with auditors.
/// </summary>
public sealed record ShowRecordingCustodyQuery(RecordingId Id, RetrievalId? Grant = null) : IQuery<IReadOnlyList<CustodyRecord>>;

public sealed class ShowRecordingCustodyHandler(ICustodyLog custody, RecordingAccess access)
    : IQueryHandler<ShowRecordingCustodyQuery, IReadOnlyList<CustodyRecord>>
{
    public async ValueTask<IReadOnlyList<CustodyRecord>> Handle(ShowRecordingCustodyQuery query, CancellationToken cancellationToken)
    {
        await access.RequireEntryAsync(query.Id, query.Grant, cancellationToken);
        return await custody.ReadAsync(query.Id.Value, cancellationToken);
    }
}
