using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Audit;

/// <summary>
/// Recompute the custody log's hash chain and check it against the signed checkpoints in the vault; the answer names
/// the first broken or missing entry, a truncated or rewritten log, a forged checkpoint, and the head it verified.
/// </summary>
public sealed record VerifyCustodyChainQuery : IQuery<CustodyChainReport>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Audit;
}

public sealed record CustodyChainReport(LedgerReport Ledger, IReadOnlyList<RowMismatch> EditedRows)
{
    public long Entries => Ledger.Entries;

    public CustodyBreak? FirstBreak => Ledger.FirstBreak;

    public bool Intact => FirstBreak is null && EditedRows.Count == 0 && Ledger.Problems.Count == 0 && Ledger.UnverifiedRotations.Count == 0;
}

public sealed class VerifyCustodyChainHandler(LedgerAudit ledger, CatalogConsistency consistency, AccessConsistency access) : IQueryHandler<VerifyCustodyChainQuery, CustodyChainReport>
{
    public async ValueTask<CustodyChainReport> Handle(VerifyCustodyChainQuery query, CancellationToken cancellationToken)
    {
        var report = await ledger.CheckAsync(cancellationToken);

        // Rows are only compared with a chain that is itself intact: a broken chain proves nothing about them.
        // Checks that share a table (recordings) may name the same unreadable row: each finding once.
        IReadOnlyList<RowMismatch> edited = report.FirstBreak is null ? [.. (await consistency.CheckAsync(cancellationToken)).Concat(await access.CheckAsync(cancellationToken)).Distinct()] : [];
        return new CustodyChainReport(report, edited);
    }
}
