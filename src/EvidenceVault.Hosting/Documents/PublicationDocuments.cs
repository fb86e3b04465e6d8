using EvidenceVault.Application.Disclosure;

namespace EvidenceVault.Hosting.Documents;

/// <summary>A decision's publication (公示) as the CLI prints it: what the site shows (the masked text) and who did what when.</summary>
public sealed record PublicationJson(
    long Id,
    string Case,
    string Status,
    string DocumentNumber,
    string Agency,
    string Party,
    string Category,
    string Facts,
    string LegalBasis,
    string Conclusion,
    string DecisionDate,
    string Drafter,
    string? DraftedAt,
    string? Approver,
    string? PublishedAt,
    string? DisplayUntil,
    PublicationWithdrawalJson? Withdrawal);

public sealed record PublicationWithdrawalJson(string Kind, string Reason, string? At);

public sealed record PublicationList(IReadOnlyList<PublicationJson> Publications);

public static class PublicationDocuments
{
    public static PublicationJson Publication(PublicationDraft d)
    {
        var t = d.Masked;
        return new(
            d.Id,
            d.Case.Value,
            RecordingDocument.Kind(d.Status),
            t.DocumentNumber,
            t.Agency,
            t.Party,
            RecordingDocument.Kind(t.Category),
            t.Facts,
            t.LegalBasis,
            t.Conclusion,
            CaseDocuments.Day(t.DecisionDate),
            d.Drafter,
            RecordingDocument.Time(d.DraftedAt),
            d.Approver,
            RecordingDocument.Time(d.PublishedAt),
            RecordingDocument.Time(d.DisplayUntil),
            d.Withdrawal is { } w ? new(RecordingDocument.Kind(w.Kind), w.Reason, RecordingDocument.Time(w.At)) : null);
    }

    /// <summary>The one line a terminal lists a publication in.</summary>
    public static string Line(PublicationDraft d) =>
        $"{d.Id}  {RecordingDocument.Kind(d.Status),-9}  {d.Case.Value}  {d.Masked.DocumentNumber}  decided {CaseDocuments.Day(d.Masked.DecisionDate)}"
        + (d.PublishedAt is { } at ? $"  published {RecordingDocument.Time(at)} by {d.Approver}" : $"  drafted by {d.Drafter}")
        + (d.Withdrawal is { } w ? $"  withdrawn: {w.Reason}" : "");
}
