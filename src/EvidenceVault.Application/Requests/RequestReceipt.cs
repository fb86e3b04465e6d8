using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Requests;

namespace EvidenceVault.Application.Requests;

/// <summary>
/// Receiving a request, whichever way it came: check it, number it, and write the receipt (with its channel), the opened reply
/// clock and the published status under a fresh query code in the same transaction. The public form and staff entry both come
/// through here, so both get the same clock, ledger and code. The code leaves only in the result, to be shown once.
/// </summary>
public sealed class RequestReceipt(IInformationRequestStore store, ReplyRules rules)
{
    public async Task<ReceivedRequest> ReceiveAsync(
        RequestSubmission submission, RequestChannel channel, DateTimeOffset receivedAt, DateOnly receivedOn, CustodyEntries custody, CancellationToken cancellationToken)
    {
        if (submission.Check() is { Count: > 0 } problems)
        {
            throw new InformationRequestInvalidException(problems);
        }

        var due = rules.ReplyDue(receivedOn, extended: false);
        InformationRequest Numbered(InformationRequestId id) => new(
            id, submission.ToApplicant(), submission.Description!.Trim(), string.IsNullOrWhiteSpace(submission.Purpose) ? null : submission.Purpose.Trim(),
            submission.PreferredForm, receivedAt, receivedOn, InformationRequestStatus.Received);
        var code = RequestQueryCode.New();
        var request = await store.CreateAsync(
            Numbered,
            r => new RequestLookup(code.LookupHash(r.Id), PublishedRequestStatus.Of(r, rules)),
            r => [custody.Entry(r.Id.ToString(), InformationRequestReceivedDetails.Of(r, Name(channel))), custody.Opened(r.Id.ToString(), ReplyDeadlines.Reply, due)],
            cancellationToken);
        return new ReceivedRequest(request, due, code);
    }

    /// <summary>The channel as the ledger names it; <c>online-form</c> as the entries written before staff entry existed.</summary>
    public static string Name(RequestChannel channel) => channel switch
    {
        RequestChannel.OnlineForm => "online-form",
        RequestChannel.InPerson => "in-person",
        _ => channel.ToString().ToLowerInvariant(),
    };
}

/// <summary>A request just received: its reply clock, and the query code the applicant sees once.</summary>
public sealed record ReceivedRequest(InformationRequest Request, Domain.Calendar.Deadline Due, RequestQueryCode QueryCode);
