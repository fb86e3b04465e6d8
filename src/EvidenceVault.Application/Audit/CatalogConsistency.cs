using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Fixity;
using EvidenceVault.Application.Ingestion;
using EvidenceVault.Application.Media;
using EvidenceVault.Application.Registry;
using EvidenceVault.Application.Retention;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Ingestion;
using EvidenceVault.Domain.Recordings;
using static EvidenceVault.Application.Audit.CustodyDetails;

namespace EvidenceVault.Application.Audit;

/// <summary>A catalog row that no longer agrees with the custody entries written with it.</summary>
public sealed record RowMismatch(string Table, string Key, string Problem);

/// <summary>
/// Detects rows edited by hand behind the application: every catalog row is compared with the hash-chained custody
/// entries written in the same transactions that created and changed it. Recordings are checked here; case rows,
/// registry rows, retention rows and integrity rows by <see cref="CaseRowChecks"/>, <see cref="RegistryRowChecks"/>,
/// <see cref="RetentionRowChecks"/> and <see cref="IntegrityRowChecks"/>. A row that cannot even be read is named, and
/// the other checks go on.
/// </summary>
public sealed class CatalogConsistency(ICatalog catalog, ICaseStore cases, IRegistry registry, IRetentionStore retention, IFixityStore fixity, ICustodyLog custody, StationTimeZone zone)
{
    public async Task<IReadOnlyList<RowMismatch>> CheckAsync(CancellationToken cancellationToken)
    {
        var mismatches = new List<RowMismatch>();

        // Every check needs the whole ledger or the recordings: read each once.
        var ledger = await RowCheckLedger.ReadAsync(custody, cancellationToken);
        IReadOnlyList<RecordingEntry> recordings = [];
        mismatches.AddRange(await GuardAsync(async () =>
        {
            recordings = await catalog.ListAsync(new RecordingFilter(Limit: int.MaxValue), cancellationToken);
            return Recordings(recordings, ledger);
        }));
        mismatches.AddRange(await GuardAsync(() => new CaseRowChecks(cases, custody, zone).CheckAsync(ledger, cancellationToken)));
        mismatches.AddRange(await GuardAsync(() => new RegistryRowChecks(registry, ledger).CheckAsync(cancellationToken)));
        mismatches.AddRange(await GuardAsync(() => new RetentionRowChecks(retention, recordings, ledger).CheckAsync(cancellationToken)));
        mismatches.AddRange(await GuardAsync(() => new IntegrityRowChecks(fixity, recordings, ledger).CheckAsync(cancellationToken)));
        return mismatches;
    }

    /// <summary>Runs one check; a row the catalog cannot read becomes a finding that names it instead of ending the audit.</summary>
    internal static async Task<IReadOnlyList<RowMismatch>> GuardAsync(Func<Task<List<RowMismatch>>> check)
    {
        try
        {
            return await check();
        }
        catch (UnreadableRowException e)
        {
            return [new RowMismatch(e.Table, e.Key, $"cannot be read ({e.InnerException?.Message}): edited behind the application")];
        }
    }

    private static List<RowMismatch> Recordings(IReadOnlyList<RecordingEntry> recordings, IReadOnlyList<CustodyRecord> ledger)
    {
        var log = ledger.ToLookup(r => r.Entry.Subject, StringComparer.Ordinal);
        var mismatches = recordings.Select(r => Recording(r, log[r.Id.Value].ToList())).OfType<RowMismatch>().ToList();
        var present = recordings.Select(r => r.Id.Value).ToHashSet(StringComparer.Ordinal);
        mismatches.AddRange(ledger.Where(r => r.Entry.Action is CustodyActions.Ingested && !present.Contains(r.Entry.Subject))
            .Select(r => new RowMismatch("recordings", r.Entry.Subject, "the custody log records this recording but its row is gone")));
        return mismatches;
    }

    private static RowMismatch? Recording(RecordingEntry recording, List<CustodyRecord> log)
    {
        var key = recording.Id.Value;
        if (RecordingId.For(recording.Sha256) != recording.Id)
        {
            return new RowMismatch("recordings", key, $"the SHA-256 {recording.Sha256} does not belong to this recording id");
        }

        var created = log.FirstOrDefault(r => r.Entry.Action is CustodyActions.Ingested or CustodyActions.Quarantined);
        var ingest = created is null ? null : Of<RecordingIngestedDetails>(created) ?? AsIngested(Of<RecordingQuarantinedDetails>(created));
        if (ingest is null)
        {
            return new RowMismatch("recordings", key, "no custody entry records this recording's ingest");
        }

        if (ingest.Sha256 != recording.Sha256.Hex || ingest.Size != recording.SizeBytes || ingest.Path != recording.SourcePath
            || (ingest.Sm3 is { } sm3 && sm3 != recording.Sm3?.Hex))
        {
            return new RowMismatch("recordings", key, "hash, size or source path differs from the custody entry of its ingest");
        }

        // Quarantined at ingest or by media work later; nothing ever lifts a quarantine.
        var quarantined = log.Any(r => r.Entry.Action == CustodyActions.Quarantined);
        if (quarantined != (recording.Status == IngestStatus.Quarantined))
        {
            return new RowMismatch("recordings", key, "its status differs from the custody entries (quarantined or not)");
        }

        // Who, on which device and when (the retention clock) as the last entry that set them; ledgers from before
        // custody carried the facts have none to compare.
        if (Facts(log) is { } facts && !SameFacts(facts, AttributedFacts.Of(recording)))
        {
            return new RowMismatch("recordings", key, "officer, device or recording time differs from the custody entry that set them");
        }

        if (log.Select(Of<MediaProcessedDetails>).LastOrDefault(d => d is not null) is { } media
            && (!string.Equals(media.Kind, recording.Kind.ToString(), StringComparison.OrdinalIgnoreCase) || media.Duration != recording.DurationSeconds || media.Proxy != recording.HasProxy || media.Thumbnail != recording.HasThumbnail))
        {
            return new RowMismatch("recordings", key, "kind, duration or derivatives differ from the custody entry of its media work");
        }

        // A derivative's digest is what every way out trusts: a row re-pointed at a swapped proxy's hash is caught here.
        foreach (var kind in RecordingDerivatives.Kinds.Where(kind => DerivativeDigestOf(log, kind) != recording.DigestOf(kind)?.Sha256.Hex))
        {
            return new RowMismatch("recordings", key, $"the {kind.Name()}'s SHA-256 differs from the custody entry that recorded it");
        }

        return null;
    }

    /// <summary>The digest the last media or regeneration entry recorded for a derivative; null when none did.</summary>
    private static string? DerivativeDigestOf(List<CustodyRecord> log, DerivativeKind kind)
    {
        string? recorded = null;
        foreach (var record in log)
        {
            if (Of<MediaProcessedDetails>(record) is { } media)
            {
                recorded = media.Sha256Of(kind);
            }
            else if (Of<DerivativeRegeneratedDetails>(record) is { } regenerated && regenerated.Derivative == kind.Name())
            {
                recorded = regenerated.Sha256;
            }
        }

        return recorded;
    }

    /// <summary>The facts the last ingest, upgrade or media entry gave the row, when the entries carry them.</summary>
    private static AttributedFacts? Facts(List<CustodyRecord> log) =>
        log.Select(r => Of<RecordingIngestedDetails>(r)?.Facts ?? Of<RecordingQuarantinedDetails>(r)?.Facts
                ?? Of<FactsUpgradedDetails>(r)?.Facts ?? Of<MediaProcessedDetails>(r)?.Facts)
            .LastOrDefault(f => f is not null);

    /// <summary>Times compare with their offsets (rows keep the offset they were given).</summary>
    private static bool SameFacts(AttributedFacts expected, AttributedFacts actual) =>
        expected with { RecordedAt = null } == actual with { RecordedAt = null } && SameInstant(expected.RecordedAt, actual.RecordedAt);

    private static RecordingIngestedDetails? AsIngested(RecordingQuarantinedDetails? q) =>
        q is { Path: { } path, Status: { } status, Sha256: { } sha256, Size: { } size }
            ? new RecordingIngestedDetails(path, status, sha256, size, q.Reasons ?? [], q.Sm3, q.Facts)
            : null;
}
