using System.Text.Json;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Retention;
using EvidenceVault.Domain.Retention;
using static EvidenceVault.Application.Audit.CustodyDetails;

namespace EvidenceVault.Application.Audit;

/// <summary>
/// Marks, categories, legal holds, deletion proposals and destroyed recordings, each compared with the custody
/// entries that set them: a hold released or a deletion approved by editing the catalog is reported.
/// </summary>
internal sealed class RetentionRowChecks(IRetentionStore store, ICatalog catalog, List<(string Action, JsonElement Details, string Subject)> entries)
{
    public async Task<List<RowMismatch>> CheckAsync(CancellationToken cancellationToken)
    {
        var mismatches = new List<RowMismatch>();
        foreach (var mark in await store.MarksAsync(null, cancellationToken))
        {
            var last = entries.LastOrDefault(e => e.Action is CustodyActions.MarkSet or CustodyActions.MarkCleared
                && Text(e.Details, "mark") == RecordingMarks.Name(mark.Mark) && e.Subject == mark.Recording.Value);
            if (last.Action != CustodyActions.MarkSet || Text(last.Details, "reason") != mark.Reason || Text(last.Details, "case") != mark.Case?.Value)
            {
                mismatches.Add(new RowMismatch("recording_marks", $"{mark.Recording}/{RecordingMarks.Name(mark.Mark)}", "differs from the custody entry that set the mark"));
            }
        }

        foreach (var (recording, category) in await store.CategoriesAsync(cancellationToken))
        {
            var last = entries.LastOrDefault(e => e.Action == CustodyActions.CategorySet && e.Subject == recording.Value);
            if (Text(last.Details, "category") != category)
            {
                mismatches.Add(new RowMismatch("recording_categories", recording.Value, "differs from the custody entry that set the category"));
            }
        }

        var holds = await store.HoldsAsync(activeOnly: false, cancellationToken);
        mismatches.AddRange(MissingRows(entries, CustodyActions.HoldPlaced, "hold", holds.Select(h => h.Id), "legal_holds"));
        foreach (var hold in holds)
        {
            var placed = entries.FirstOrDefault(e => e.Action == CustodyActions.HoldPlaced && Number(e.Details, "hold") == hold.Id);
            var released = entries.Any(e => e.Action == CustodyActions.HoldReleased && Number(e.Details, "hold") == hold.Id);
            if (placed.Action is null || Text(placed.Details, "reason") != hold.Reason || Text(placed.Details, "authority") != hold.Authority || released == hold.IsActive)
            {
                mismatches.Add(new RowMismatch("legal_holds", hold.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "differs from the custody entries that placed and released it"));
            }
        }

        var proposals = await store.ProposalsAsync(null, cancellationToken);
        mismatches.AddRange(MissingRows(entries, CustodyActions.DeletionProposed, "proposal", proposals.Select(p => p.Id), "deletion_proposals"));
        foreach (var proposal in proposals)
        {
            var own = entries.Where(e => e.Action.StartsWith("deletion.", StringComparison.Ordinal) && Number(e.Details, "proposal") == proposal.Id).ToList();
            if (StatusFrom(own) != proposal.Status || own.Count(e => e.Action == CustodyActions.DeletionApproved) != proposal.Approvals.Count)
            {
                mismatches.Add(new RowMismatch("deletion_proposals", proposal.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "status or approvals differ from the custody entries of the deletion"));
            }
        }

        var destroyedInLedger = entries.Where(e => e.Action == CustodyActions.DeletionDestroyed).Select(e => e.Subject).ToHashSet(StringComparer.Ordinal);
        foreach (var recording in await catalog.ListAsync(new RecordingFilter(Limit: int.MaxValue), cancellationToken))
        {
            if ((recording.DestroyedAt is not null) != destroyedInLedger.Contains(recording.Id.Value))
            {
                mismatches.Add(new RowMismatch("recordings", recording.Id.Value, "destroyed_at disagrees with the deletion tombstones in the custody ledger"));
            }
        }

        return mismatches;
    }

    /// <summary>Rows the ledger says were created but the catalog no longer has: deleting a hold by hand must not go unseen.</summary>
    private static IEnumerable<RowMismatch> MissingRows(List<(string Action, JsonElement Details, string Subject)> entries, string action, string idProperty, IEnumerable<long> rows, string table)
    {
        var present = rows.ToHashSet();
        return entries.Where(e => e.Action == action).Select(e => Number(e.Details, idProperty)).OfType<long>().Where(id => !present.Contains(id))
            .Select(id => new RowMismatch(table, id.ToString(System.Globalization.CultureInfo.InvariantCulture), "the custody ledger records this row but the catalog no longer has it"));
    }

    /// <summary>The status a proposal must have after its custody entries, in order.</summary>
    private static DeletionStatus? StatusFrom(List<(string Action, JsonElement Details, string Subject)> own) =>
        own.Count == 0 ? null : own[^1].Action switch
        {
            CustodyActions.DeletionProposed => DeletionStatus.Proposed,
            CustodyActions.DeletionApproved => own[^1].Details.TryGetProperty("complete", out var complete) && complete.GetBoolean() ? DeletionStatus.Approved : DeletionStatus.Proposed,
            CustodyActions.DeletionRejected => DeletionStatus.Rejected,
            CustodyActions.DeletionRecovered => DeletionStatus.Recovered,
            CustodyActions.DeletionDestroyed => DeletionStatus.Destroyed,

            // A refused destruction leaves the proposal approved for the next purge.
            CustodyActions.DeletionRefused => DeletionStatus.Approved,
            _ => null,
        };
}
