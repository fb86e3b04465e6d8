using EvidenceVault.Domain.Calendar;

namespace EvidenceVault.Application.Cases;

/// <summary>
/// A statutory clock that is not a case decision's (an information request's reply, a change of the 事前公开 data, a random
/// inspection's published result): the deadline listing and the dashboard merge every registered source with the cases' own.
/// </summary>
public interface IDeadlineSource
{
    /// <summary>Every deadline the source tracks, open or done; the listing filters, orders and marks overdue ones once in the ledger.</summary>
    Task<IReadOnlyList<TrackedDeadline>> DeadlinesAsync(CancellationToken cancellationToken);
}

/// <summary>One clock of a source: <paramref name="Subject"/> is what people read and the custody subject (a request's reference, say).</summary>
public sealed record TrackedDeadline(string Subject, string What, string Obligation, Deadline Deadline, DateOnly? DoneOn);
