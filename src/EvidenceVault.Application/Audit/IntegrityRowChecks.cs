using System.Globalization;
using System.Text.Json;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Fixity;
using static EvidenceVault.Application.Audit.CustodyDetails;

namespace EvidenceVault.Application.Audit;

/// <summary>
/// Integrity incidents and the recordings' integrity marks, compared with the custody entries that raised and
/// resolved them: an incident closed, deleted or a mark cleared by editing the catalog is reported.
/// </summary>
internal sealed class IntegrityRowChecks(IFixityStore store, ICatalog catalog, List<(string Action, JsonElement Details, string Subject)> entries)
{
    public async Task<List<RowMismatch>> CheckAsync(CancellationToken cancellationToken)
    {
        var raised = entries.Where(e => e.Action == CustodyActions.IncidentRaised).ToList();
        var resolved = entries.Where(e => e.Action == CustodyActions.IncidentResolved).Select(e => Number(e.Details, "incident")).OfType<long>().ToHashSet();
        var incidents = await store.IncidentsAsync(null, cancellationToken);
        var rows = incidents.ToDictionary(i => i.Id);
        var mismatches = new List<RowMismatch>();
        foreach (var (_, details, subject) in raised)
        {
            var id = Number(details, "incident");
            if (id is not { } incidentId || !rows.TryGetValue(incidentId, out var row))
            {
                mismatches.Add(new RowMismatch("incidents", Key(id), "the custody ledger records this incident but the catalog no longer has it"));
            }
            else if (row.Recording.Value != subject || row.Kind != Text(details, "kind") || (row.Status == IncidentStatus.Resolved) != resolved.Contains(incidentId))
            {
                mismatches.Add(new RowMismatch("incidents", Key(id), "differs from the custody entries that raised and resolved it"));
            }
        }

        mismatches.AddRange(incidents.Where(i => !raised.Any(e => Number(e.Details, "incident") == i.Id))
            .Select(i => new RowMismatch("incidents", Key(i.Id), "no custody entry raised this incident")));

        // A mark is failed exactly while the ledger shows an incident raised and not yet resolved.
        var openInLedger = raised.Where(e => Number(e.Details, "incident") is { } id && !resolved.Contains(id)).Select(e => e.Subject).ToHashSet(StringComparer.Ordinal);
        foreach (var recording in await catalog.ListAsync(new RecordingFilter(Limit: int.MaxValue), cancellationToken))
        {
            if ((recording.Integrity == IntegrityMark.Failed) != openInLedger.Contains(recording.Id.Value))
            {
                mismatches.Add(new RowMismatch("recordings", recording.Id.Value, "the integrity mark disagrees with the open incidents in the custody ledger"));
            }
        }

        return mismatches;
    }

    private static string Key(long? id) => id?.ToString(CultureInfo.InvariantCulture) ?? "?";
}
