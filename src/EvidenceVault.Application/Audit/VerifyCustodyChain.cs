using EvidenceVault.Application.Custody;
using Mediator;

namespace EvidenceVault.Application.Audit;

/// <summary>Recompute the custody log's hash chain; the answer names the first broken or missing entry.</summary>
public sealed record VerifyCustodyChainQuery : IQuery<CustodyChainReport>;

public sealed record CustodyChainReport(long Entries, CustodyBreak? FirstBreak)
{
    public bool Intact => FirstBreak is null;
}

public sealed class VerifyCustodyChainHandler(ICustodyLog custody) : IQueryHandler<VerifyCustodyChainQuery, CustodyChainReport>
{
    public async ValueTask<CustodyChainReport> Handle(VerifyCustodyChainQuery query, CancellationToken cancellationToken)
    {
        var broken = await custody.VerifyChainAsync(cancellationToken);
        var entries = (await custody.ReadAsync(null, cancellationToken)).Count;
        return new CustodyChainReport(entries, broken);
    }
}
