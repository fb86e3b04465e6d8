using EvidenceVault.Application.Cases;
using EvidenceVault.Domain.Cases;

namespace EvidenceVault.Hosting.Documents;

/// <summary>The JSON shapes of cases, activities and links, shared by the CLI and the HTTP API.</summary>
public static class CaseDocuments
{
    public static object Case(EnforcementCase c) => new
    {
        number = c.Number.Value,
        type = c.Type.ToString(),
        party = c.Party,
        title = c.Title,
        officers = c.Officers.Select(o => o.Value),
        status = RecordingDocument.Kind(c.Status),
        createdAt = RecordingDocument.Time(c.CreatedAt),
        closedAt = RecordingDocument.Time(c.ClosedAt),
    };

    public static object Activity(CaseActivity a) => new
    {
        id = a.Id,
        stage = a.Stage.ToString(),
        activityType = a.ActivityType,
        officers = a.Officers.Select(o => o.Value),
        place = a.Place,
        start = RecordingDocument.Time(a.Start),
        end = RecordingDocument.Time(a.End),
    };

    public static object Link(RecordingLink l) => new
    {
        recordingId = l.Recording.Value,
        caseNumber = l.Case.Value,
        activityId = l.ActivityId,
        stage = l.Stage.ToString(),
        origin = RecordingDocument.Kind(l.Origin),
        reason = l.Reason,
        documentType = l.DocumentType,
        linkedAt = RecordingDocument.Time(l.At),
    };

    public static object Details(CaseDetails d) => new
    {
        @case = Case(d.Case),
        activities = d.Activities.Select(Activity),
        legalReview = d.Review is { } r ? Review(r) : null,
        decision = d.Decision is { } x ? Decision(x) : null,
        links = d.Links.Select(Link),
    };

    public static object Record(TimelineRecord r) => new
    {
        recordingId = r.Recording.Id.Value,
        kind = RecordingDocument.Kind(r.Recording.Kind),
        recordedAt = RecordingDocument.Time(r.Recording.RecordedAt),
        durationSeconds = r.Recording.DurationSeconds,
        officerId = r.Recording.Officer?.Value,
        sourcePath = r.Recording.SourcePath,
        origin = RecordingDocument.Kind(r.Link.Origin),
        activityId = r.Link.ActivityId,
        documentType = r.Link.DocumentType,
        reason = r.Link.Reason,
    };

    public static object Timeline(CaseTimeline t) => new
    {
        @case = Case(t.Case),
        stages = t.Stages.Select(s => new { stage = s.Stage.ToString(), activities = s.Activities.Select(Activity), records = s.Records.Select(Record) }),
        suggestions = t.Suggestions.Select(Record),
        findings = t.Findings.Select(f => new { stage = f.Stage.ToString(), rule = f.RuleId, message = f.Message, activityId = f.Activity?.Id }),
    };

    public static object Deadline(DeadlineItem i) => new
    {
        caseNumber = i.Case.Value,
        obligation = i.Obligation,
        due = Day(i.Due),
        rule = i.Rule,
        doneOn = i.DoneOn is { } d ? Day(d) : null,
        daysLate = i.DaysLate,
    };

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static object Decision(CaseDecision d) => new
    {
        caseNumber = d.Case.Value,
        date = Day(d.Date),
        conclusion = d.Conclusion,
        major = d.IsMajor,
        publishedOn = d.PublishedOn is { } p ? Day(p) : null,
        revokedOn = d.RevokedOn is { } r ? Day(r) : null,
        takenDownOn = d.TakenDownOn is { } t ? Day(t) : null,
    };

    public static object Review(LegalReview r) => new { caseNumber = r.Case.Value, reviewer = r.Reviewer, opinion = r.Opinion, date = Day(r.Date) };
}
