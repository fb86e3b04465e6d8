using EvidenceVault.Application.Cases;
using EvidenceVault.Domain.Requests;

namespace EvidenceVault.Application.Requests;

/// <summary>Every request's reply clock on the deadline listing and the dashboard; none while a request awaits completion (art. 30).</summary>
public sealed class ReplyDeadlines(IInformationRequestStore store, ReplyRules rules) : IDeadlineSource
{
    /// <summary>The deadline entries' "what" for a request's reply.</summary>
    public const string Reply = "reply";

    public async Task<IReadOnlyList<TrackedDeadline>> DeadlinesAsync(CancellationToken cancellationToken) =>
        [.. (await store.ListAsync(cancellationToken))
            .Select(r => (Request: r, Due: rules.ReplyDue(r)))
            .Where(d => d.Due is not null)
            .Select(d => new TrackedDeadline(d.Request.Id.ToString(), Reply, "reply to information request", d.Due!, d.Request.Answer?.On))];
}
