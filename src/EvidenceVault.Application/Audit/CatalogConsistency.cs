using System.Text.Json;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Fixity;
using EvidenceVault.Application.Registry;
using EvidenceVault.Application.Retention;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Audit;

/// <summary>A catalog row that no longer agrees with the custody entries written with it.</summary>
public sealed record RowMismatch(string Table, string Key, string Problem);

/// <summary>
/// Detects rows edited by hand behind the application: every catalog row is compared with the hash-chained custody
/// entries written in the same transactions that created and changed it. Recordings are checked here; case rows and
/// registry rows and retention rows by <see cref="CaseRowChecks"/>, <see cref="RegistryRowChecks"/>, <see cref="RetentionRowChecks"/> and <see cref="IntegrityRowChecks"/>.
/// </summary>
public sealed class CatalogConsistency(ICatalog catalog, ICaseStore cases, IRegistry registry, IRetentionStore retention, IFixityStore fixity, ICustodyLog custody)
{
    public async Task<IReadOnlyList<RowMismatch>> CheckAsync(CancellationToken cancellationToken)
    {
        var mismatches = new List<RowMismatch>();
        foreach (var recording in await catalog.ListAsync(new RecordingFilter(Limit: int.MaxValue), cancellationToken))
        {
            mismatches.AddRange(await CheckRecordingAsync(recording, cancellationToken));
        }

        mismatches.AddRange(await new CaseRowChecks(cases, custody).CheckAsync(cancellationToken));
        mismatches.AddRange(await new RegistryRowChecks(registry, custody).CheckAsync(cancellationToken));

        // Both checks need the whole ledger: read and parse it once.
        var ledger = CustodyDetails.Parse(await custody.ReadAsync(null, cancellationToken));
        mismatches.AddRange(await new RetentionRowChecks(retention, catalog, ledger).CheckAsync(cancellationToken));
        mismatches.AddRange(await new IntegrityRowChecks(fixity, catalog, ledger).CheckAsync(cancellationToken));
        return mismatches;
    }

    private async Task<IEnumerable<RowMismatch>> CheckRecordingAsync(RecordingEntry recording, CancellationToken cancellationToken)
    {
        var key = recording.Id.Value;
        if (RecordingId.For(recording.Sha256) != recording.Id)
        {
            return [new RowMismatch("recordings", key, $"the SHA-256 {recording.Sha256} does not belong to this recording id")];
        }

        var created = (await custody.ReadAsync(key, cancellationToken))
            .FirstOrDefault(r => r.Entry.Action is CustodyActions.Ingested or CustodyActions.Quarantined);
        if (created is null)
        {
            return [new RowMismatch("recordings", key, "no custody entry records this recording's ingest")];
        }

        using var details = JsonDocument.Parse(created.Entry.Details);
        var root = details.RootElement;
        return root.GetProperty("sha256").GetString() != recording.Sha256.Hex
            || root.GetProperty("size").GetInt64() != recording.SizeBytes
            || root.GetProperty("path").GetString() != recording.SourcePath
            ? [new RowMismatch("recordings", key, "hash, size or source path differs from the custody entry of its ingest")]
            : [];
    }
}
