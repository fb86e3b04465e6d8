using System.Globalization;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Fixity;
using static EvidenceVault.Application.Audit.CustodyDetails;

namespace EvidenceVault.Application.Audit;

/// <summary>
/// Integrity incidents and the recordings' integrity marks, compared with the custody entries that raised and
/// resolved them: an incident closed, deleted or a mark cleared by editing the catalog is reported.
/// </summary>
internal sealed class IntegrityRowChecks(IFixityStore store, IReadOnlyList<RecordingEntry> recordings, IReadOnlyList<CustodyRecord> ledger)
{
    public async Task<List<RowMismatch>> CheckAsync(CancellationToken cancellationToken)
    {
        var raised = All<IncidentRaisedDetails>(ledger);
        var resolved = All<IncidentResolvedDetails>(ledger).Select(e => e.Details.Incident).ToHashSet();
        var incidents = await store.IncidentsAsync(null, cancellationToken);
        var rows = incidents.ToDictionary(i => i.Id);
        var mismatches = new List<RowMismatch>();
        foreach (var (subject, details) in raised)
        {
            if (!rows.TryGetValue(details.Incident, out var row))
            {
                mismatches.Add(new RowMismatch("incidents", Key(details.Incident), "the custody ledger records this incident but the catalog no longer has it"));
            }
            else if (row.Recording.Value != subject || row.Kind != details.Kind || (row.Status == IncidentStatus.Resolved) != resolved.Contains(details.Incident))
            {
                mismatches.Add(new RowMismatch("incidents", Key(details.Incident), "differs from the custody entries that raised and resolved it"));
            }
        }

        mismatches.AddRange(incidents.Where(i => !raised.Any(e => e.Details.Incident == i.Id))
            .Select(i => new RowMismatch("incidents", Key(i.Id), "no custody entry raised this incident")));

        // A mark is failed exactly while the ledger shows an incident raised and not yet resolved.
        var openInLedger = raised.Where(e => !resolved.Contains(e.Details.Incident)).Select(e => e.Subject).ToHashSet(StringComparer.Ordinal);
        mismatches.AddRange(recordings.Where(r => (r.Integrity == IntegrityMark.Failed) != openInLedger.Contains(r.Id.Value))
            .Select(r => new RowMismatch("recordings", r.Id.Value, "the integrity mark disagrees with the open incidents in the custody ledger")));
        return mismatches;
    }

    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);
}
