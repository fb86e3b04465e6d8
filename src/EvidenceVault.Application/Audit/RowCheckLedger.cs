using EvidenceVault.Application.Custody;

namespace EvidenceVault.Application.Audit;

/// <summary>
/// The part of the custody log the row checks compare rows with: every entry but those that record a reading (views,
/// retrievals, checks, exports, refused sign-ins and access, ingest runs, key rotations), which make and change no row.
/// Those are most of a long-lived log, so leaving them out keeps the row checks' memory in step with the catalog's rows,
/// not the log's length; the chain and checkpoint pass (<see cref="LedgerAudit"/>) still reads every entry.
/// </summary>
internal static class RowCheckLedger
{
    private static readonly string[] Readings =
    [
        CustodyActions.Viewed, CustodyActions.Retrieved, CustodyActions.Verified, CustodyActions.FixityChecked, CustodyActions.RecordingExported,
        CustodyActions.CaseExported, CustodyActions.SignInFailed, CustodyActions.AccessDenied, CustodyActions.IngestRun, CustodyActions.KeysRotated,
    ];

    public static Task<IReadOnlyList<CustodyRecord>> ReadAsync(ICustodyLog custody, CancellationToken cancellationToken) =>
        custody.ReadWithoutAsync(Readings, cancellationToken);
}
