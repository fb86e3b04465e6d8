using EvidenceVault.Application.Custody;
using Mediator;

namespace EvidenceVault.Application.Audit;

/// <summary>The chain of custody of one subject (a recording id, a case number, a source location), oldest first.</summary>
public sealed record ShowCustodyQuery(string? Subject) : IQuery<IReadOnlyList<CustodyRecord>>;

public sealed class ShowCustodyHandler(ICustodyLog custody) : IQueryHandler<ShowCustodyQuery, IReadOnlyList<CustodyRecord>>
{
    public async ValueTask<IReadOnlyList<CustodyRecord>> Handle(ShowCustodyQuery query, CancellationToken cancellationToken) =>
        await custody.ReadAsync(query.Subject, cancellationToken);
}
