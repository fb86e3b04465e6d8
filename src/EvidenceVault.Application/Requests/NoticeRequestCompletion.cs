using EvidenceVault.Application.Access;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Requests;
using Mediator;

namespace EvidenceVault.Application.Requests;

/// <summary>
/// The one notice to complete an unclear or incomplete request (条例 art. 30: 一次性告知): it names everything missing, and the reply
/// clock stops until the completed request arrives. The notice closes the 7-working-day notice clock as met or missed.
/// </summary>
public sealed record NoticeRequestCompletionCommand(InformationRequestId Id, string Missing) : ICommand<InformationRequest>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Publication;
}

public sealed class NoticeRequestCompletionHandler(IInformationRequestStore store, ReplyRules rules, CustodyEntries custody, StationTimeZone zone)
    : ICommandHandler<NoticeRequestCompletionCommand, InformationRequest>
{
    public async ValueTask<InformationRequest> Handle(NoticeRequestCompletionCommand command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.Missing))
        {
            throw new FormatException("A completion notice names what is missing (条例 art. 30: one notice, everything at once).");
        }

        var request = await store.RequireAsync(command.Id, cancellationToken);
        if (request.CompletionNotice is not null || request.Status != InformationRequestStatus.Received || request.Extension is not null)
        {
            throw new InformationRequestRuleException($"Request {request.Id} is {request.Status.ToString().ToLowerInvariant()}{(request.CompletionNotice is null ? string.Empty : " and already had its completion notice")}; a request gets one completion notice, before any extension or answer.");
        }

        var notice = new RequestStep(custody.Actor, zone.DayOf(custody.Now), command.Missing.Trim());
        var changed = request with { Status = InformationRequestStatus.AwaitingCompletion, CompletionNotice = notice };
        var subject = request.Id.ToString();
        await store.UpdateAsync(
            changed,
            PublishedRequestStatus.Of(changed, rules),
            [custody.Entry(subject, new InformationRequestCompletionNoticedDetails(notice.On, notice.Text)), custody.Closed(subject, ReplyDeadlines.CorrectionNotice, rules.CorrectionNoticeDue(request.ReceivedOn), notice.On)],
            cancellationToken);
        return changed;
    }
}
