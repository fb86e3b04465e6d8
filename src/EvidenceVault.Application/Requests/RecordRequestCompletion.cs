using EvidenceVault.Application.Access;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Requests;
using Mediator;

namespace EvidenceVault.Application.Requests;

/// <summary>The completed request arrived (today, the station's day): the 20 working days count again from today (条例 art. 30).</summary>
public sealed record RecordRequestCompletionCommand(InformationRequestId Id, string? Note) : ICommand<InformationRequest>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Publication;
}

public sealed class RecordRequestCompletionHandler(IInformationRequestStore store, ReplyRules rules, CustodyEntries custody, StationTimeZone zone)
    : ICommandHandler<RecordRequestCompletionCommand, InformationRequest>
{
    public async ValueTask<InformationRequest> Handle(RecordRequestCompletionCommand command, CancellationToken cancellationToken)
    {
        var request = await store.RequireAsync(command.Id, cancellationToken);
        if (request.Status != InformationRequestStatus.AwaitingCompletion)
        {
            throw new InformationRequestRuleException($"Request {request.Id} is {request.Status.ToString().ToLowerInvariant()}; only a request awaiting completion can be completed.");
        }

        var note = string.IsNullOrWhiteSpace(command.Note) ? string.Empty : command.Note.Trim();
        var completion = new RequestStep(custody.Actor, zone.DayOf(custody.Now), note);
        var changed = request with { Status = InformationRequestStatus.Completed, Completion = completion };
        var subject = request.Id.ToString();
        await store.UpdateAsync(
            changed,
            PublishedRequestStatus.Of(changed, rules),
            [custody.Entry(subject, new InformationRequestCompletedDetails(completion.On, note.Length == 0 ? null : note)), custody.Opened(subject, ReplyDeadlines.Reply, rules.ReplyDue(completion.On, extended: false))],
            cancellationToken);
        return changed;
    }
}
