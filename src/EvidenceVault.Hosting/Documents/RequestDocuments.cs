using EvidenceVault.Application.Requests;
using EvidenceVault.Domain.Requests;

namespace EvidenceVault.Hosting.Documents;

/// <summary>An information request (依申请公开) as the CLI and the API print it; the due date is null while it awaits completion.</summary>
public sealed record InformationRequestJson(
    string Reference,
    string Status,
    string ReceivedOn,
    string? Due,
    string? DueRule,
    bool DueProvisional,
    InformationApplicantJson Applicant,
    string Description,
    string? Purpose,
    string Form,
    RequestStep? CompletionNotice,
    RequestStep? Completion,
    RequestExtension? Extension,
    InformationAnswerJson? Answer);

public sealed record InformationApplicantJson(string Name, string? IdType, string? IdNumber, string? Phone, string? Email, string? Address);

public sealed record InformationAnswerJson(string By, string On, string Outcome, string Ground);

public sealed record InformationRequestList(IReadOnlyList<InformationRequestJson> Requests);

/// <summary>A request staff just entered, with the query code for the applicant: printed this once, stored nowhere.</summary>
public sealed record EnteredInformationRequestJson(InformationRequestJson Request, string QueryCode);

public static class RequestDocuments
{
    public static EnteredInformationRequestJson Entered(EnteredInformationRequest entered) => new(Request(entered.Item), entered.QueryCode.ToString());

    public static InformationRequestJson Request(InformationRequestItem item)
    {
        var r = item.Request;
        var a = r.Applicant;
        return new(
            r.Id.ToString(),
            Status(r.Status),
            CaseDocuments.Day(r.ReceivedOn),
            item.Due is { } due ? CaseDocuments.Day(due.Due) : null,
            item.Due?.Rule,
            item.Due?.Provisional ?? false,
            new(a.Name, a.IdType, a.IdNumber, a.Phone, a.Email, a.Address),
            r.Description,
            r.Purpose,
            r.Form.ToString().ToLowerInvariant(),
            r.CompletionNotice,
            r.Completion,
            r.Extension,
            r.Answer is { } answer ? new(answer.By, CaseDocuments.Day(answer.On), Outcome(answer.Outcome), answer.Ground) : null);
    }

    /// <summary>The one line a terminal lists a request in.</summary>
    public static string Line(InformationRequestItem item) =>
        $"{item.Request.Id,-10} {Status(item.Request.Status),-20} received {CaseDocuments.Day(item.Request.ReceivedOn)}  due {(item.Due is { } d ? CaseDocuments.Due(d) : "-"),-10}{(item.Request.Extension is null ? string.Empty : " (extended)")}  {item.Request.Applicant.Name}";

    public static string Status(InformationRequestStatus status) => status switch
    {
        InformationRequestStatus.AwaitingCompletion => "awaiting-completion",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string Outcome(ReplyOutcome outcome) => outcome switch
    {
        ReplyOutcome.PartlyDisclosed => "partly-disclosed",
        ReplyOutcome.NotHeld => "not-held",
        ReplyOutcome.NotThisAgency => "not-this-agency",
        ReplyOutcome.AlreadyPublished => "already-published",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    /// <summary>Reads an outcome as <see cref="Outcome"/> writes it, or its enum name; anything else names the choices.</summary>
    public static ReplyOutcome ParseOutcome(string text) =>
        Enum.GetValues<ReplyOutcome>().Where(o => string.Equals(Outcome(o), text.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(o.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(o => (ReplyOutcome?)o).FirstOrDefault()
        ?? throw new FormatException($"'{text}' is not a reply outcome; use one of {string.Join(", ", Enum.GetValues<ReplyOutcome>().Select(Outcome))}.");

    /// <summary>A channel staff enter (letter, in-person, fax), by its ledger name.</summary>
    public static RequestChannel ParseChannel(string text) =>
        Enum.GetValues<RequestChannel>().Where(c => string.Equals(RequestReceipt.Name(c), text.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(c => (RequestChannel?)c).FirstOrDefault()
        ?? throw new FormatException($"'{text}' is not a channel; use one of {string.Join(", ", Enum.GetValues<RequestChannel>().Select(RequestReceipt.Name))}.");
}
