using EvidenceVault.Domain.Cases;

namespace EvidenceVault.Domain.Calendar;

/// <summary>
/// A statutory deadline and the rule that set it, in words an archivist can check; <paramref name="Provisional"/> when it was counted
/// over a year whose holiday arrangement is not loaded yet (Monday to Friday), so it may move once the official year is loaded.
/// </summary>
public sealed record Deadline(DateOnly Due, string Rule, bool Provisional = false);

/// <summary>The disclosure system (行政执法公示制度) as dates.</summary>
public sealed class DisclosureRules(WorkingDayCalendar calendar)
{
    /// <summary>Licensing and penalty decisions: publish within 7 working days; every other decision: within 20.</summary>
    public Deadline PublicationDue(EnforcementType type, DateOnly decisionDate) => type is EnforcementType.Licensing or EnforcementType.Penalty
        ? calendar.DeadlineAfter(decisionDate, 7, $"{type} decision: publish within 7 working days of the decision")
        : calendar.DeadlineAfter(decisionDate, 20, $"{type} decision: publish within 20 working days of the decision");

    /// <summary>Changed published information is updated within 15 working days.</summary>
    public Deadline UpdateDue(DateOnly changedOn) => calendar.DeadlineAfter(changedOn, 15, "published information changed: update within 15 working days");

    /// <summary>A revoked decision is taken down within 3 calendar days.</summary>
    // Calendar days on purpose: the 公示 rules say 工作日 only for the 7- and 20-day counts, and plain "3日" here.
    public static Deadline TakedownDue(DateOnly revokedOn) => new(revokedOn.AddDays(3), "decision revoked: take it down within 3 calendar days");

    /// <summary>Calendar days late: 0 when done (or still open) on or before the due date.</summary>
    public static int DaysLate(DateOnly due, DateOnly? done, DateOnly today) => Math.Max(0, (done ?? today).DayNumber - due.DayNumber);
}
