using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Disclosure;
using EvidenceVault.Domain.Cases;
using static EvidenceVault.Application.Audit.CustodyDetails;

namespace EvidenceVault.Application.Audit;

/// <summary>
/// Cases, activities, legal reviews, decisions and recording links, each compared with the custody entries of its
/// case (the subject of every case entry is the case number); rows the entries made but the catalog lacks are named.
/// </summary>
internal sealed class CaseRowChecks(ICaseStore cases, ICustodyLog custody, StationTimeZone zone)
{
    public async Task<List<RowMismatch>> CheckAsync(IReadOnlyList<CustodyRecord> ledger, CancellationToken cancellationToken)
    {
        var mismatches = new List<RowMismatch>();
        var rows = await cases.ListAsync(null, null, cancellationToken);
        foreach (var c in rows)
        {
            var number = c.Number;
            var log = await custody.ReadAsync(number.Value, cancellationToken);
            var created = log.Select(Of<CaseCreatedDetails>).FirstOrDefault(d => d is not null);
            if (created is null)
            {
                mismatches.Add(new RowMismatch("cases", number.Value, "no custody entry created this case"));
            }
            else if (created.Type != c.Type.ToString() || created.Party != c.Party || !created.Officers.SequenceEqual(c.Officers.Select(o => o.Value)))
            {
                mismatches.Add(new RowMismatch("cases", number.Value, "type, party or officers differ from the custody entry that created the case"));
            }
            else if (Closing(log) is var closed
                && ((c.Status == CaseStatus.Closed) != (closed is not null) || !SameInstant(closed?.ClosedAt, c.ClosedAt)))
            {
                mismatches.Add(new RowMismatch("cases", number.Value, "its status or closing time differs from the custody entry that last closed or reopened it (or the lack of one)"));
            }

            mismatches.AddRange(Activities(number, await cases.ActivitiesAsync(number, cancellationToken), log));
            if (Review(number, log) != await cases.FindReviewAsync(number, cancellationToken))
            {
                mismatches.Add(new RowMismatch("legal_reviews", number.Value, "differs from (or has no) custody entry of the last legal review"));
            }

            if (Decision(number, log, zone) != (await cases.DecisionsAsync(number, cancellationToken)).SingleOrDefault())
            {
                mismatches.Add(new RowMismatch("decisions", number.Value, "differs from (or has no) custody entries of the decision and its disclosure steps"));
            }

            mismatches.AddRange(Links(number, await cases.LinksAsync(number, null, cancellationToken), log));
        }

        var present = rows.Select(c => c.Number.Value).ToHashSet(StringComparer.Ordinal);
        mismatches.AddRange(All<CaseCreatedDetails>(ledger).Select(e => e.Subject).Where(n => !present.Contains(n))
            .Select(n => new RowMismatch("cases", n, "the custody log records this case but its row is gone")));
        return mismatches;
    }

    /// <summary>The closing in force: the last case.closed entry unless a reopening came after it.</summary>
    private static CaseClosedDetails? Closing(IReadOnlyList<CustodyRecord> log)
    {
        CaseClosedDetails? closed = null;
        foreach (var record in log)
        {
            closed = record.Entry.Action == CustodyActions.CaseReopened ? null : Of<CaseClosedDetails>(record) ?? closed;
        }

        return closed;
    }

    /// <summary>Each activity must equal its last added/changed entry; an entry whose row is gone means a deleted row.</summary>
    private static IEnumerable<RowMismatch> Activities(CaseNumber number, IReadOnlyList<CaseActivity> rows, IReadOnlyList<CustodyRecord> log)
    {
        var written = log.Select(r => (ActivityDetails?)Of<ActivityAddedDetails>(r) ?? Of<ActivityChangedDetails>(r)).OfType<ActivityDetails>()
            .GroupBy(d => d.ActivityId).ToDictionary(g => g.Key, g => g.Last());
        foreach (var a in rows)
        {
            if (!written.TryGetValue(a.Id, out var d) || !Agrees(a, d))
            {
                yield return new RowMismatch("activities", $"{number}/{a.Id}", "differs from (or has no) custody entry of its last change");
            }
        }

        foreach (var id in written.Keys.Except(rows.Select(a => a.Id)))
        {
            yield return new RowMismatch("activities", $"{number}/{id}", "the custody log records this activity but its row is gone");
        }
    }

    private static bool Agrees(CaseActivity a, ActivityDetails d) =>
        d.Stage == a.Stage.ToString()
        && d.Type == a.ActivityType
        && d.Place == a.Place
        && SameInstant(d.Start, a.Start)
        && SameInstant(d.End, a.End)
        && d.Officers.SequenceEqual(a.Officers.Select(o => o.Value));

    private static LegalReview? Review(CaseNumber number, IReadOnlyList<CustodyRecord> log) =>
        log.Select(Of<LegalReviewRecordedDetails>).LastOrDefault(d => d is not null) is { } last
            ? new LegalReview(number, last.Reviewer, last.Opinion, last.Date)
            : null;

    /// <summary>
    /// The decision row as its entries build it: a decision (re)sets date, conclusion and revocation; disclosure steps
    /// set their dates; the site's approval and withdrawal set them to the station's day of the entry.
    /// </summary>
    private static CaseDecision? Decision(CaseNumber number, IReadOnlyList<CustodyRecord> log, StationTimeZone zone)
    {
        CaseDecision? expected = null;
        foreach (var record in log)
        {
            if (Of<CaseDecidedDetails>(record) is { } decided)
            {
                expected = new CaseDecision(number, decided.Date, decided.Conclusion, decided.Major, null)
                {
                    PublishedOn = expected?.PublishedOn,
                    TakenDownOn = expected?.TakenDownOn,
                };
            }
            else if (expected is not null && Of<DisclosureRecordedDetails>(record) is { } step)
            {
                expected = step.Step switch
                {
                    nameof(DisclosureStep.Published) => expected with { PublishedOn = step.Date },
                    nameof(DisclosureStep.Revoked) => expected with { RevokedOn = step.Date },
                    _ => expected with { TakenDownOn = step.Date },
                };
            }
            else if (expected is not null && Of<PublicationApprovedDetails>(record) is { } approved)
            {
                expected = expected with { PublishedOn = zone.DayOf(approved.PublishedAt) };
            }
            else if (expected is not null && Of<PublicationWithdrawnDetails>(record) is not null)
            {
                var day = zone.DayOf(record.Entry.At);
                expected = expected with { RevokedOn = expected.RevokedOn ?? day, TakenDownOn = day };
            }
        }

        return expected;
    }

    /// <summary>Every link must be the outcome of the last link entry for its case and recording, and every such outcome a row.</summary>
    private static IEnumerable<RowMismatch> Links(CaseNumber number, IReadOnlyList<RecordingLink> links, IReadOnlyList<CustodyRecord> log)
    {
        var last = new Dictionary<string, RecordingLinkedDetails?>(StringComparer.Ordinal);
        foreach (var record in log)
        {
            if (Of<RecordingLinkedDetails>(record) is { } linked)
            {
                last[linked.Recording] = linked;
            }
            else if (Of<RecordingUnlinkedDetails>(record) is { } unlinked)
            {
                last[unlinked.Recording] = null;
            }
        }

        foreach (var link in links)
        {
            if (last.GetValueOrDefault(link.Recording.Value) is not { } entry || entry.Stage != link.Stage.ToString() || entry.Reason != link.Reason)
            {
                yield return new RowMismatch("recording_links", $"{link.Case}/{link.Recording}", "differs from the custody entry that linked it");
            }
        }

        foreach (var recording in last.Where(l => l.Value is not null).Select(l => l.Key).Except(links.Select(l => l.Recording.Value), StringComparer.Ordinal))
        {
            yield return new RowMismatch("recording_links", $"{number}/{recording}", "the custody log records this link but its row is gone");
        }
    }
}
