using EvidenceVault.Application.Cases;
using EvidenceVault.Domain.Cases;

namespace EvidenceVault.Cli.Output;

/// <summary>JSON shapes for cases.</summary>
internal static class CaseWire
{
    public static object Case(EnforcementCase c) => new
    {
        number = c.Number.Value,
        type = c.Type.ToString(),
        party = c.Party,
        title = c.Title,
        officers = c.Officers.Select(o => o.Value),
        status = Wire.Kind(c.Status),
        createdAt = Wire.Time(c.CreatedAt),
        closedAt = Wire.Time(c.ClosedAt),
    };

    public static object Activity(CaseActivity a) => new
    {
        id = a.Id,
        stage = a.Stage.ToString(),
        activityType = a.ActivityType,
        officers = a.Officers.Select(o => o.Value),
        place = a.Place,
        start = Wire.Time(a.Start),
        end = Wire.Time(a.End),
    };

    public static object Link(RecordingLink l) => new
    {
        recordingId = l.Recording.Value,
        caseNumber = l.Case.Value,
        activityId = l.ActivityId,
        stage = l.Stage.ToString(),
        origin = Wire.Kind(l.Origin),
        reason = l.Reason,
        documentType = l.DocumentType,
        linkedAt = Wire.Time(l.At),
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
