using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Audit;

/// <summary>Recompute the custody log's hash chain; the answer names the first broken or missing entry.</summary>
public sealed record VerifyCustodyChainQuery : IQuery<CustodyChainReport>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Audit;
}

public sealed record CustodyChainReport(long Entries, CustodyBreak? FirstBreak, IReadOnlyList<RowMismatch> EditedRows)
{
    public bool Intact => FirstBreak is null && EditedRows.Count == 0;
}

public sealed class VerifyCustodyChainHandler(ICustodyLog custody, CatalogConsistency consistency, AccessConsistency access) : IQueryHandler<VerifyCustodyChainQuery, CustodyChainReport>
{
    public async ValueTask<CustodyChainReport> Handle(VerifyCustodyChainQuery query, CancellationToken cancellationToken)
    {
        var broken = await custody.VerifyChainAsync(cancellationToken);
        var entries = (await custody.ReadAsync(null, cancellationToken)).Count;

        // Rows are only compared with a chain that is itself intact: a broken chain proves nothing about them.
        // Checks that share a table (recordings) may name the same unreadable row: each finding once.
        IReadOnlyList<RowMismatch> edited = broken is null ? [.. (await consistency.CheckAsync(cancellationToken)).Concat(await access.CheckAsync(cancellationToken)).Distinct()] : [];
        return new CustodyChainReport(entries, broken, edited);
    }
}
