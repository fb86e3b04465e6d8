using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Requests;

namespace EvidenceVault.Application.Requests;

/// <summary>
/// Receives a request from the public form: checks it, numbers it, and writes the receipt and the opened reply clock to the ledger in
/// the same transaction. Not a mediator use case: the anonymous site has no mediator, users or roles, only this.
/// </summary>
public sealed class RequestIntake(IInformationRequestStore store, ReplyRules rules, StationTimeZone zone, CustodyEntries custody) : IRequestIntake
{
    /// <summary>The channel the ledger names for requests that came through the public form.</summary>
    public const string OnlineChannel = "online-form";

    public async Task<RequestAcknowledgement> SubmitAsync(RequestSubmission submission, CancellationToken cancellationToken)
    {
        if (submission.Check() is { Count: > 0 } problems)
        {
            throw new InformationRequestInvalidException(problems);
        }

        var now = custody.Now;
        var receivedOn = zone.DayOf(now);
        var due = rules.ReplyDue(receivedOn, extended: false);
        InformationRequest Numbered(InformationRequestId id) => new(
            id, submission.ToApplicant(), submission.Description!.Trim(), string.IsNullOrWhiteSpace(submission.Purpose) ? null : submission.Purpose.Trim(),
            submission.PreferredForm, now, receivedOn, InformationRequestStatus.Received);
        var request = await store.CreateAsync(
            Numbered,
            r => [custody.Entry(r.Id.ToString(), InformationRequestReceivedDetails.Of(r, OnlineChannel)), custody.Opened(r.Id.ToString(), ReplyDeadlines.Reply, due)],
            cancellationToken);
        return new RequestAcknowledgement(request.Id, receivedOn, due.Due, due.Provisional);
    }
}
