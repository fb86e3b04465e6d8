using EvidenceVault.Domain.Calendar;

namespace EvidenceVault.Domain.Requests;

/// <summary>The reply deadline of an information request (政府信息公开条例 art. 33) as dates.</summary>
public sealed class ReplyRules(WorkingDayCalendar calendar)
{
    public const int ReplyWorkingDays = 20;
    public const int ExtensionWorkingDays = 20;
    public const int CorrectionNoticeWorkingDays = 7;

    /// <summary>An unclear request is answered with the one notice to correct it within 7 working days of receipt (条例 art. 30).</summary>
    public Deadline CorrectionNoticeDue(DateOnly receivedOn) => calendar.DeadlineAfter(
        receivedOn, CorrectionNoticeWorkingDays, "information request: tell the applicant once what to correct within 7 working days of receipt (条例 art. 30)");

    /// <summary>
    /// The correction-notice clock while it matters: open until the notice is recorded (then closed on that day), gone once the request
    /// was answered without one, since a clear request never needed it.
    /// </summary>
    public Deadline? CorrectionNoticeDue(InformationRequest request) =>
        request.CompletionNotice is null && request.Status == InformationRequestStatus.Answered ? null : CorrectionNoticeDue(request.ReceivedOn);

    /// <summary>20 working days from the clock's start; once extended, 20 more.</summary>
    public Deadline ReplyDue(DateOnly clockStart, bool extended) => extended
        ? calendar.DeadlineAfter(
            clockStart,
            ReplyWorkingDays + ExtensionWorkingDays,
            "information request: reply within 20 working days of receipt, extended once by 20 with the head's approval (条例 art. 33)")
        : calendar.DeadlineAfter(clockStart, ReplyWorkingDays, "information request: reply within 20 working days of receipt (条例 art. 33)");

    /// <summary>The request's open or closed reply clock; null while it awaits completion (no clock runs, art. 30) or was abandoned then.</summary>
    public Deadline? ReplyDue(InformationRequest request) =>
        request.ClockStart is { } start ? ReplyDue(start, request.Extension is not null) : null;
}
