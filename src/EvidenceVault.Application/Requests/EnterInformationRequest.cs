using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Requests;
using Mediator;

namespace EvidenceVault.Application.Requests;

/// <summary>
/// Staff enter a request that came by letter, in person or by fax, with the day it was received (a letter counts from the day it was
/// signed for, 条例 art. 31), never a future day; the same checks, clock, ledger and query code as the public form. The code is in the result only, for the
/// clerk to hand over once.
/// </summary>
public sealed record EnterInformationRequestCommand(RequestSubmission Submission, RequestChannel Channel, DateOnly? ReceivedOn = null)
    : ICommand<EnteredInformationRequest>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Publication;
}

public sealed class EnterInformationRequestHandler(RequestReceipt receipt, CustodyEntries custody, StationTimeZone zone)
    : ICommandHandler<EnterInformationRequestCommand, EnteredInformationRequest>
{
    public async ValueTask<EnteredInformationRequest> Handle(EnterInformationRequestCommand command, CancellationToken cancellationToken)
    {
        if (command.Channel == RequestChannel.OnlineForm)
        {
            throw new FormatException("Staff enter requests received by letter, in person or by fax; online requests come through the public form.");
        }

        var now = custody.Now;
        var today = zone.DayOf(now);
        var receivedOn = command.ReceivedOn ?? today;
        if (receivedOn > today)
        {
            throw new FormatException($"A request cannot be received on {receivedOn:yyyy-MM-dd}, after today ({today:yyyy-MM-dd}).");
        }

        var received = await receipt.ReceiveAsync(command.Submission, command.Channel, now, receivedOn, custody, cancellationToken);
        return new EnteredInformationRequest(new InformationRequestItem(received.Request, received.Due), received.QueryCode);
    }
}

/// <summary>The entered request with its reply clock, and the query code to give the applicant (shown once, never stored).</summary>
public sealed record EnteredInformationRequest(InformationRequestItem Item, RequestQueryCode QueryCode);
