using System.Globalization;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Retention;
using EvidenceVault.Domain.Retention;
using static EvidenceVault.Application.Audit.CustodyDetails;

namespace EvidenceVault.Application.Audit;

/// <summary>
/// Marks, categories, legal holds, deletion proposals and destroyed recordings, each compared with the custody
/// entries that set them: a hold released, a mark dropped or a deletion approved by editing the catalog is reported.
/// </summary>
internal sealed class RetentionRowChecks(IRetentionStore store, IReadOnlyList<RecordingEntry> recordings, IReadOnlyList<CustodyRecord> ledger)
{
    public async Task<List<RowMismatch>> CheckAsync(CancellationToken cancellationToken)
    {
        var mismatches = new List<RowMismatch>();
        mismatches.AddRange(Marks(await store.MarksAsync(null, cancellationToken)));

        // The last category entry of each recording: a category set must be the row, a category cleared no row at all.
        var categories = All<CategorySetDetails>(ledger).GroupBy(e => e.Subject, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Details.Category, StringComparer.Ordinal);
        var categoryRows = await store.CategoriesAsync(cancellationToken);
        foreach (var (recording, category) in categoryRows)
        {
            if (categories.GetValueOrDefault(recording.Value) != category)
            {
                mismatches.Add(new RowMismatch("recording_categories", recording.Value, "differs from the custody entry that set the category"));
            }
        }

        mismatches.AddRange(categories.Where(c => c.Value is not null && !categoryRows.Keys.Any(r => r.Value == c.Key))
            .Select(c => new RowMismatch("recording_categories", c.Key, "the custody log records this category but its row is gone")));

        var placed = All<HoldPlacedDetails>(ledger).Select(e => e.Details).ToList();
        var released = All<HoldReleasedDetails>(ledger).Select(e => e.Details.Hold).ToHashSet();
        var holds = await store.HoldsAsync(activeOnly: false, cancellationToken);
        mismatches.AddRange(MissingRows("legal_holds", placed.Select(p => p.Hold), holds.Select(h => h.Id)));
        foreach (var hold in holds)
        {
            var own = placed.FirstOrDefault(p => p.Hold == hold.Id);
            if (own is null || own.Reason != hold.Reason || own.Authority != hold.Authority || released.Contains(hold.Id) == hold.IsActive)
            {
                mismatches.Add(new RowMismatch("legal_holds", Key(hold.Id), "differs from the custody entries that placed and released it"));
            }
        }

        var proposals = await store.ProposalsAsync(null, cancellationToken);
        var steps = ledger.Select(r => DeletionSteps.Select(read => read(r)).FirstOrDefault(d => d is not null)).OfType<object>().ToLookup(ProposalOf);
        mismatches.AddRange(MissingRows("deletion_proposals", All<DeletionProposedDetails>(ledger).Select(e => e.Details.Proposal), proposals.Select(p => p.Id)));
        foreach (var proposal in proposals)
        {
            var own = steps[proposal.Id].ToList();
            if (StatusFrom(own) != proposal.Status || own.Count(s => s is DeletionApprovedDetails) != proposal.Approvals.Count)
            {
                mismatches.Add(new RowMismatch("deletion_proposals", Key(proposal.Id), "status or approvals differ from the custody entries of the deletion"));
            }
        }

        var destroyedInLedger = All<DeletionDestroyedDetails>(ledger).Select(e => e.Subject).ToHashSet(StringComparer.Ordinal);
        mismatches.AddRange(recordings.Where(r => (r.DestroyedAt is not null) != destroyedInLedger.Contains(r.Id.Value))
            .Select(r => new RowMismatch("recordings", r.Id.Value, "destroyed_at disagrees with the deletion tombstones in the custody ledger")));
        return mismatches;
    }

    /// <summary>Each mark must be the outcome of its last set/cleared entry, and each mark set last a row.</summary>
    private IEnumerable<RowMismatch> Marks(IReadOnlyList<MarkRecord> rows)
    {
        var last = new Dictionary<(string Recording, string Mark), MarkSetDetails?>();
        foreach (var record in ledger)
        {
            if (Of<MarkSetDetails>(record) is { } set)
            {
                last[(record.Entry.Subject, set.Mark)] = set;
            }
            else if (Of<MarkClearedDetails>(record) is { } cleared)
            {
                last[(record.Entry.Subject, cleared.Mark)] = null;
            }
        }

        foreach (var mark in rows)
        {
            var key = (mark.Recording.Value, RecordingMarks.Name(mark.Mark));
            if (last.GetValueOrDefault(key) is not { } set || set.Reason != mark.Reason || set.Case != mark.Case?.Value)
            {
                yield return new RowMismatch("recording_marks", $"{key.Item1}/{key.Item2}", "differs from the custody entry that set the mark");
            }
        }

        foreach (var (recording, mark) in last.Where(l => l.Value is not null).Select(l => l.Key)
            .Where(k => !rows.Any(m => m.Recording.Value == k.Recording && RecordingMarks.Name(m.Mark) == k.Mark)))
        {
            yield return new RowMismatch("recording_marks", $"{recording}/{mark}", "the custody log records this mark but its row is gone");
        }
    }

    private static readonly Func<CustodyRecord, object?>[] DeletionSteps =
        [Of<DeletionProposedDetails>, Of<DeletionApprovedDetails>, Of<DeletionRejectedDetails>, Of<DeletionRecoveredDetails>, Of<DeletionRefusedDetails>, Of<DeletionDestroyedDetails>];

    private static long? ProposalOf(object? details) => details switch
    {
        DeletionProposedDetails d => d.Proposal,
        DeletionApprovedDetails d => d.Proposal,
        DeletionRejectedDetails d => d.Proposal,
        DeletionRecoveredDetails d => d.Proposal,
        DeletionRefusedDetails d => d.Proposal,
        DeletionDestroyedDetails d => d.Proposal,
        _ => null,
    };

    /// <summary>The status a proposal must have after its custody entries, in order.</summary>
    private static DeletionStatus? StatusFrom(List<object> own) =>
        own.Count == 0 ? null : own[^1] switch
        {
            DeletionProposedDetails => DeletionStatus.Proposed,
            DeletionApprovedDetails approved => approved.Complete ? DeletionStatus.Approved : DeletionStatus.Proposed,
            DeletionRejectedDetails => DeletionStatus.Rejected,
            DeletionRecoveredDetails => DeletionStatus.Recovered,
            DeletionDestroyedDetails => DeletionStatus.Destroyed,

            // A refused destruction leaves the proposal approved for the next purge.
            DeletionRefusedDetails => DeletionStatus.Approved,
            _ => null,
        };

    /// <summary>Rows the ledger says were created but the catalog no longer has: deleting a hold by hand must not go unseen.</summary>
    private static IEnumerable<RowMismatch> MissingRows(string table, IEnumerable<long> recorded, IEnumerable<long> rows) =>
        recorded.Except(rows).Select(id => new RowMismatch(table, Key(id), "the custody ledger records this row but the catalog no longer has it"));

    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);
}
