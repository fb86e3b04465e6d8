using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Calendar;
using EvidenceVault.Domain.Cases;

namespace EvidenceVault.Application.Cases;

/// <summary>
/// Custody entries for statutory disclosure deadlines, subject = the case number: opened when a decision or
/// revocation starts the clock, met or missed when the step is done, overdue the first time a listing finds it late.
/// </summary>
public static class DeadlineEntries
{
    public const string Publish = "publish";
    public const string Takedown = "takedown";

    public static CustodyEntry Opened(this CustodyEntries custody, CaseNumber number, string what, Deadline deadline) =>
        custody.Entry(number.Value, new DeadlineOpenedDetails(what, deadline.Due, deadline.Rule));

    public static CustodyEntry Closed(this CustodyEntries custody, CaseNumber number, string what, Deadline deadline, DateOnly doneOn)
    {
        var daysLate = DisclosureRules.DaysLate(deadline.Due, doneOn, doneOn);
        return daysLate > 0
            ? custody.Entry(number.Value, new DeadlineMissedDetails(what, deadline.Due, deadline.Rule, doneOn, daysLate))
            : custody.Entry(number.Value, new DeadlineMetDetails(what, deadline.Due, deadline.Rule, doneOn, daysLate));
    }

    /// <summary>The same details for every listing that sees this deadline late, so the log keeps it once (see <see cref="ICustodyLog.AppendOnceAsync"/>).</summary>
    public static CustodyEntry Overdue(this CustodyEntries custody, CaseNumber number, string what, Deadline deadline) =>
        custody.Entry(number.Value, new DeadlineOverdueDetails(what, deadline.Due, deadline.Rule));
}
