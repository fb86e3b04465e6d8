using EvidenceVault.Application.Cases;
using EvidenceVault.Domain.Requests;

namespace EvidenceVault.Application.Requests;

/// <summary>
/// Every request's clocks on the deadline listing and the dashboard: the reply (none while a request awaits completion), and the
/// 7-working-day window to ask for a correction (art. 30) until the notice is recorded or the request is answered.
/// </summary>
public sealed class ReplyDeadlines(IInformationRequestStore store, ReplyRules rules) : IDeadlineSource
{
    /// <summary>The deadline entries' "what" for a request's reply.</summary>
    public const string Reply = "reply";

    /// <summary>The deadline entries' "what" for the correction notice (补正告知).</summary>
    public const string CorrectionNotice = "correction-notice";

    public async Task<IReadOnlyList<TrackedDeadline>> DeadlinesAsync(CancellationToken cancellationToken)
    {
        var deadlines = new List<TrackedDeadline>();
        foreach (var request in await store.ListAsync(cancellationToken))
        {
            var subject = request.Id.ToString();
            if (rules.CorrectionNoticeDue(request) is { } notice)
            {
                deadlines.Add(new(subject, CorrectionNotice, "correction notice for information request", notice, request.CompletionNotice?.On));
            }

            if (rules.ReplyDue(request) is { } reply)
            {
                deadlines.Add(new(subject, Reply, "reply to information request", reply, request.Answer?.On));
            }
        }

        return deadlines;
    }
}
