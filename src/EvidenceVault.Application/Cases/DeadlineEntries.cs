using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Calendar;
using EvidenceVault.Domain.Cases;

namespace EvidenceVault.Application.Cases;

/// <summary>
/// Custody entries for statutory disclosure deadlines, subject = the case number (or another source's reference): opened when a decision or
/// revocation starts the clock, met or missed when the step is done, overdue the first time a listing finds it late.
/// </summary>
public static class DeadlineEntries
{
    public const string Publish = "publish";
    public const string Takedown = "takedown";

    public static CustodyEntry Opened(this CustodyEntries custody, CaseNumber number, string what, Deadline deadline) =>
        custody.Opened(number.Value, what, deadline);

    public static CustodyEntry Opened(this CustodyEntries custody, string subject, string what, Deadline deadline) =>
        custody.Entry(subject, new DeadlineOpenedDetails(what, deadline.Due, deadline.Rule, deadline.Provisional));

    public static CustodyEntry Closed(this CustodyEntries custody, CaseNumber number, string what, Deadline deadline, DateOnly doneOn) =>
        custody.Closed(number.Value, what, deadline, doneOn);

    public static CustodyEntry Closed(this CustodyEntries custody, string subject, string what, Deadline deadline, DateOnly doneOn)
    {
        var daysLate = DisclosureRules.DaysLate(deadline.Due, doneOn, doneOn);
        return daysLate > 0
            ? custody.Entry(subject, new DeadlineMissedDetails(what, deadline.Due, deadline.Rule, doneOn, daysLate))
            : custody.Entry(subject, new DeadlineMetDetails(what, deadline.Due, deadline.Rule, doneOn, daysLate));
    }

    /// <summary>The same details for every listing that sees this deadline late, so the log keeps it once (see <see cref="ICustodyLog.AppendOnceAsync"/>).</summary>
    public static CustodyEntry Overdue(this CustodyEntries custody, string subject, string what, Deadline deadline) =>
        custody.Entry(subject, new DeadlineOverdueDetails(what, deadline.Due, deadline.Rule));
}
