using EvidenceVault.Application.Access;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Requests;
using Mediator;

namespace EvidenceVault.Application.Requests;

/// <summary>
/// Record the reply (条例 art. 36) with its legal ground, today: the reply clock closes as met or missed. A request awaiting
/// completion can only be closed as abandoned (视为放弃申请, art. 30), and only such a request can.
/// </summary>
public sealed record AnswerInformationRequestCommand(InformationRequestId Id, ReplyOutcome Outcome, string Ground) : ICommand<InformationRequest>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Publication;
}

public sealed class AnswerInformationRequestHandler(IInformationRequestStore store, ReplyRules rules, CustodyEntries custody, StationTimeZone zone)
    : ICommandHandler<AnswerInformationRequestCommand, InformationRequest>
{
    public async ValueTask<InformationRequest> Handle(AnswerInformationRequestCommand command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.Ground) && command.Outcome != ReplyOutcome.Disclosed)
        {
            throw new FormatException($"A reply of {command.Outcome} states its legal ground (--ground), e.g. the article of the 条例 it rests on.");
        }

        var request = await store.RequireAsync(command.Id, cancellationToken);
        var awaiting = request.Status == InformationRequestStatus.AwaitingCompletion;
        if (request.Status == InformationRequestStatus.Answered || awaiting != (command.Outcome == ReplyOutcome.Abandoned))
        {
            throw new InformationRequestRuleException(request.Status == InformationRequestStatus.Answered
                ? $"Request {request.Id} was answered on {request.Answer!.On:yyyy-MM-dd}; a reply is recorded once."
                : $"Request {request.Id} is {request.Status.ToString().ToLowerInvariant()}; only a request awaiting completion is closed as abandoned, and it closes no other way.");
        }

        var today = zone.DayOf(custody.Now);
        var due = rules.ReplyDue(request);
        var answer = new RequestAnswer(custody.Actor, today, command.Outcome, command.Ground?.Trim() ?? string.Empty);
        var changed = request with { Status = InformationRequestStatus.Answered, Answer = answer };
        var subject = request.Id.ToString();
        List<Custody.CustodyEntry> entries = [custody.Entry(subject, new InformationRequestAnsweredDetails(today, command.Outcome.ToString(), answer.Ground))];
        if (due is not null)
        {
            entries.Add(custody.Closed(subject, ReplyDeadlines.Reply, due, today));
        }

        await store.UpdateAsync(changed, PublishedRequestStatus.Of(changed, rules), entries, cancellationToken);
        return changed;
    }
}
