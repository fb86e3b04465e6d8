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
        legalReview = d.Review is { } r ? new { reviewer = r.Reviewer, opinion = r.Opinion, date = r.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) } : null,
        decision = d.Decision is { } x ? new { date = x.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), conclusion = x.Conclusion, major = x.IsMajor } : null,
        links = d.Links.Select(Link),
    };
}
