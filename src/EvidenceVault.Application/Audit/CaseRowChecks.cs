using System.Text.Json;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Cases;
using static EvidenceVault.Application.Audit.CustodyDetails;

namespace EvidenceVault.Application.Audit;

/// <summary>
/// Cases, activities, legal reviews, decisions and recording links, each compared with the custody entries of its
/// case (the subject of every case entry is the case number).
/// </summary>
internal sealed class CaseRowChecks(ICaseStore cases, ICustodyLog custody)
{
    public async Task<List<RowMismatch>> CheckAsync(CancellationToken cancellationToken)
    {
        var mismatches = new List<RowMismatch>();
        foreach (var c in await cases.ListAsync(null, cancellationToken))
        {
            var number = c.Number;
            var log = Parse(await custody.ReadAsync(number.Value, cancellationToken));
            var created = log.FirstOrDefault(e => e.Action == CustodyActions.CaseCreated).Details;
            if (created.ValueKind != JsonValueKind.Object)
            {
                mismatches.Add(new RowMismatch("cases", number.Value, "no custody entry created this case"));
            }
            else if (Text(created, "type") != c.Type.ToString() || Text(created, "party") != c.Party)
            {
                mismatches.Add(new RowMismatch("cases", number.Value, "type or party differs from the custody entry that created the case"));
            }

            mismatches.AddRange(Activities(number, await cases.ActivitiesAsync(number, cancellationToken), log));
            if (Review(number, log) != await cases.FindReviewAsync(number, cancellationToken))
            {
                mismatches.Add(new RowMismatch("legal_reviews", number.Value, "differs from (or has no) custody entry of the last legal review"));
            }

            if (Decision(number, log) != (await cases.DecisionsAsync(number, cancellationToken)).SingleOrDefault())
            {
                mismatches.Add(new RowMismatch("decisions", number.Value, "differs from (or has no) custody entries of the decision and its disclosure steps"));
            }

            mismatches.AddRange(Links(await cases.LinksAsync(number, null, cancellationToken), log));
        }

        return mismatches;
    }

    /// <summary>Each activity must equal its last added/changed entry; an entry whose row is gone means a deleted row.</summary>
    private static IEnumerable<RowMismatch> Activities(CaseNumber number, IReadOnlyList<CaseActivity> rows, List<(string Action, JsonElement Details)> log)
    {
        var written = log.Where(e => e.Action is CustodyActions.ActivityAdded or CustodyActions.ActivityChanged && Number(e.Details, "activityId") is not null)
            .GroupBy(e => Number(e.Details, "activityId")!.Value)
            .ToDictionary(g => g.Key, g => g.Last().Details);
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

    private static bool Agrees(CaseActivity a, JsonElement d) =>
        Text(d, "stage") == a.Stage.ToString()
        && Text(d, "type") == a.ActivityType
        && Text(d, "place") == a.Place
        && SameInstant(Instant(d, "start"), a.Start)
        && SameInstant(Instant(d, "end"), a.End)
        && d.TryGetProperty("officers", out var officers)
        && officers.EnumerateArray().Select(o => o.GetString()).SequenceEqual(a.Officers.Select(o => o.Value));

    private static LegalReview? Review(CaseNumber number, List<(string Action, JsonElement Details)> log)
    {
        var last = log.LastOrDefault(e => e.Action == CustodyActions.LegalReviewRecorded).Details;
        return last.ValueKind == JsonValueKind.Object && Day(last, "date") is { } date
            ? new LegalReview(number, Text(last, "reviewer") ?? string.Empty, Text(last, "opinion") ?? string.Empty, date)
            : null;
    }

    /// <summary>The decision row as its entries build it: a decision (re)sets date, conclusion and revocation; disclosure steps set their dates.</summary>
    private static CaseDecision? Decision(CaseNumber number, List<(string Action, JsonElement Details)> log)
    {
        CaseDecision? expected = null;
        foreach (var (action, d) in log)
        {
            if (action == CustodyActions.CaseDecided && Day(d, "date") is { } date)
            {
                var major = d.TryGetProperty("major", out var m) && m.ValueKind == JsonValueKind.True;
                expected = new CaseDecision(number, date, Text(d, "conclusion") ?? string.Empty, major, null)
                {
                    PublishedOn = expected?.PublishedOn,
                    TakenDownOn = expected?.TakenDownOn,
                };
            }
            else if (action == CustodyActions.DisclosureRecorded && expected is not null && Day(d, "date") is { } on)
            {
                expected = Text(d, "step") switch
                {
                    nameof(DisclosureStep.Published) => expected with { PublishedOn = on },
                    nameof(DisclosureStep.Revoked) => expected with { RevokedOn = on },
                    _ => expected with { TakenDownOn = on },
                };
            }
        }

        return expected;
    }

    /// <summary>Every link must be the outcome of the last link entry for its case and recording.</summary>
    private static IEnumerable<RowMismatch> Links(IReadOnlyList<RecordingLink> links, List<(string Action, JsonElement Details)> log)
    {
        foreach (var link in links)
        {
            var last = log.LastOrDefault(e => e.Action is CustodyActions.RecordingLinked or CustodyActions.RecordingUnlinked
                && Text(e.Details, "recording") == link.Recording.Value);
            if (last.Action != CustodyActions.RecordingLinked || Text(last.Details, "stage") != link.Stage.ToString() || Text(last.Details, "reason") != link.Reason)
            {
                yield return new RowMismatch("recording_links", $"{link.Case}/{link.Recording}", "differs from the custody entry that linked it");
            }
        }
    }
}
