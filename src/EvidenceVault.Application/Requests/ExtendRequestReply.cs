using EvidenceVault.Application.Access;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Requests;
using Mediator;

namespace EvidenceVault.Application.Requests;

/// <summary>
/// Extend the reply period once by 20 working days (条例 art. 33), with the approving head (政府信息公开工作机构负责人) and the reason.
/// Only before the period ends: an extension cannot make a late reply timely.
/// </summary>
public sealed record ExtendRequestReplyCommand(InformationRequestId Id, string Approver, string Reason) : ICommand<InformationRequestItem>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Publication;
}

public sealed class ExtendRequestReplyHandler(IInformationRequestStore store, ReplyRules rules, CustodyEntries custody, StationTimeZone zone)
    : ICommandHandler<ExtendRequestReplyCommand, InformationRequestItem>
{
    public async ValueTask<InformationRequestItem> Handle(ExtendRequestReplyCommand command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.Approver) || string.IsNullOrWhiteSpace(command.Reason))
        {
            throw new FormatException("An extension needs the approving head (--approver) and the reason (--reason) (条例 art. 33).");
        }

        var request = await store.RequireAsync(command.Id, cancellationToken);
        if (request.Extension is not null || rules.ReplyDue(request) is not { } due || request.Status == InformationRequestStatus.Answered)
        {
            throw new InformationRequestRuleException($"Request {request.Id} is {request.Status.ToString().ToLowerInvariant()}{(request.Extension is null ? string.Empty : " and was extended already")}; the reply period is extended once, while it runs.");
        }

        var today = zone.DayOf(custody.Now);
        if (today > due.Due)
        {
            throw new InformationRequestRuleException($"The reply to {request.Id} was due on {due.Due:yyyy-MM-dd}; an extension must be granted before the period ends.");
        }

        var extension = new RequestExtension(custody.Actor, today, command.Approver.Trim(), command.Reason.Trim());
        var changed = request with { Extension = extension };
        var extended = rules.ReplyDue(changed)!;
        var subject = request.Id.ToString();
        await store.UpdateAsync(
            changed,
            PublishedRequestStatus.Of(changed, rules),
            [custody.Entry(subject, new InformationRequestExtendedDetails(today, extension.Approver, extension.Reason, extended.Due)), custody.Opened(subject, ReplyDeadlines.Reply, extended)],
            cancellationToken);
        return new InformationRequestItem(changed, extended);
    }
}
