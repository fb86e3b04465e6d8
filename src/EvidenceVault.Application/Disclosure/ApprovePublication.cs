using EvidenceVault.Application.Access;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Calendar;
using Mediator;
using Microsoft.Extensions.Options;

namespace EvidenceVault.Application.Disclosure;

/// <summary>
/// A second person approves the masked text, and it goes on the public site at once: the approval time is the
/// publication time, and it meets (or misses) the 7/20-working-day publication deadline.
/// </summary>
public sealed record ApprovePublicationCommand(long Id) : ICommand<PublishedDecision>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Publication;
}

public sealed class ApprovePublicationHandler(
    IPublicationStore publications,
    DisclosureRules rules,
    CustodyEntries custody,
    IOptions<PublicationOptions> options,
    StationTimeZone zone) : ICommandHandler<ApprovePublicationCommand, PublishedDecision>
{
    public async ValueTask<PublishedDecision> Handle(ApprovePublicationCommand command, CancellationToken cancellationToken)
    {
        var draft = await publications.RequireDraftAsync(command.Id, cancellationToken);
        if (string.Equals(draft.Drafter, custody.Actor, StringComparison.Ordinal))
        {
            throw new PublicationRuleException($"Publication {draft.Id} was drafted by {draft.Drafter}; another person must approve it.");
        }

        var now = custody.Now;
        var text = draft.Masked;
        var published = new PublishedDecision(draft.Id, text, now, options.Value.DisplayUntil(text.Category, now), null);
        var publishedOn = zone.DayOf(now);
        await publications.PublishAsync(
            draft.Id,
            custody.Actor,
            published,
            publishedOn,
            [
                custody.Entry(draft.Case.Value, new PublicationApprovedDetails(draft.Id, draft.Drafter, now, published.DisplayUntil)),
                custody.Closed(draft.Case, DeadlineEntries.Publish, rules.PublicationDue(text.Category, text.DecisionDate), publishedOn),
            ],
            cancellationToken);
        return published;
    }
}
