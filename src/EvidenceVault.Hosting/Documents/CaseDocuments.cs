using EvidenceVault.Application.Cases;
using EvidenceVault.Domain.Calendar;
using EvidenceVault.Domain.Cases;

namespace EvidenceVault.Hosting.Documents;

/// <summary>The JSON shapes of cases, activities and links, shared by the CLI and the HTTP API.</summary>
public static class CaseDocuments
{
    public static CaseJson Case(EnforcementCase c) => new(
        c.Number.Value,
        c.Type.ToString(),
        c.Party,
        c.Title,
        [.. c.Officers.Select(o => o.Value)],
        RecordingDocument.Kind(c.Status),
        RecordingDocument.Time(c.CreatedAt),
        RecordingDocument.Time(c.ClosedAt));

    public static ActivityJson Activity(CaseActivity a) => new(
        a.Id,
        a.Stage.ToString(),
        a.ActivityType,
        [.. a.Officers.Select(o => o.Value)],
        a.Place,
        RecordingDocument.Time(a.Start),
        RecordingDocument.Time(a.End));

    public static LinkJson Link(RecordingLink l) => new(
        l.Recording.Value,
        l.Case.Value,
        l.ActivityId,
        l.Stage.ToString(),
        RecordingDocument.Kind(l.Origin),
        l.Reason,
        l.DocumentType,
        RecordingDocument.Time(l.At));

    public static CaseDetailsJson Details(CaseDetails d) => new(
        Case(d.Case),
        [.. d.Activities.Select(Activity)],
        d.Review is { } r ? Review(r) : null,
        d.Decision is { } x ? Decision(x) : null,
        [.. d.Links.Select(Link)]);

    public static TimelineRecordJson Record(TimelineRecord r) => new(
        r.Recording.Id.Value,
        RecordingDocument.Kind(r.Recording.Kind),
        RecordingDocument.Time(r.Recording.RecordedAt),
        r.Recording.DurationSeconds,
        r.Recording.Officer?.Value,
        r.Recording.SourcePath,
        RecordingDocument.Kind(r.Link.Origin),
        r.Link.ActivityId,
        r.Link.DocumentType,
        r.Link.Reason);

    public static TimelineJson Timeline(CaseTimeline t) => new(
        Case(t.Case),
        [.. t.Stages.Select(s => new TimelineStageJson(s.Stage.ToString(), [.. s.Activities.Select(Activity)], [.. s.Records.Select(Record)]))],
        [.. t.Suggestions.Select(Record)],
        [.. t.Findings.Select(f => new FindingJson(f.Stage.ToString(), f.RuleId, f.Message, f.Activity?.Id))]);

    public static DeadlineJson Deadline(DeadlineItem i) => new(
        i.Subject,
        i.Case?.Value,
        i.Obligation,
        Day(i.Due),
        i.Rule,
        i.DoneOn is { } d ? Day(d) : null,
        i.DaysLate,
        i.Provisional);

    /// <summary>A due date as a terminal prints it, marked when counted over a year without official holiday data.</summary>
    public static string Due(Deadline deadline) => Day(deadline.Due) + (deadline.Provisional ? " (provisional)" : string.Empty);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static DecisionJson Decision(CaseDecision d) => new(
        d.Case.Value,
        Day(d.Date),
        d.Conclusion,
        d.IsMajor,
        d.PublishedOn is { } p ? Day(p) : null,
        d.RevokedOn is { } r ? Day(r) : null,
        d.TakenDownOn is { } t ? Day(t) : null);

    public static LegalReviewJson Review(LegalReview r) => new(r.Case.Value, r.Reviewer, r.Opinion, Day(r.Date));
}
