using EvidenceVault.Domain.Calendar;

namespace EvidenceVault.Domain.Requests;

/// <summary>The reply deadline of an information request (政府信息公开条例 art. 33) as dates.</summary>
public sealed class ReplyRules(WorkingDayCalendar calendar)
{
    public const int ReplyWorkingDays = 20;
    public const int ExtensionWorkingDays = 20;

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
