using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Requests;

namespace EvidenceVault.Application.Requests;

/// <summary>
/// Receives a request from the public form through <see cref="RequestReceipt"/>, received on the station's day it was submitted. Not a
/// mediator use case: the anonymous site has no mediator, users or roles, only this.
/// </summary>
public sealed class RequestIntake(RequestReceipt receipt, StationTimeZone zone, CustodyEntries custody) : IRequestIntake
{
    public async Task<RequestAcknowledgement> SubmitAsync(RequestSubmission submission, CancellationToken cancellationToken)
    {
        var now = custody.Now;
        var receivedOn = zone.DayOf(now);
        var received = await receipt.ReceiveAsync(submission, RequestChannel.OnlineForm, now, receivedOn, custody, cancellationToken);
        return new RequestAcknowledgement(received.Request.Id, receivedOn, received.Due.Due, received.Due.Provisional, received.QueryCode);
    }
}
