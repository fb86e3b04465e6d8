using EvidenceVault.Application.Access;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Calendar;
using EvidenceVault.Domain.Requests;
using Mediator;

namespace EvidenceVault.Application.Requests;

/// <summary>Every information request, newest first, with its reply due date (none while it awaits completion).</summary>
public sealed record ListInformationRequestsQuery(bool OpenOnly = false) : IQuery<IReadOnlyList<InformationRequestItem>>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Publication;
}

/// <summary>A request with its reply clock as it stands.</summary>
public sealed record InformationRequestItem(InformationRequest Request, Deadline? Due);

public sealed class ListInformationRequestsHandler(IInformationRequestStore store, ReplyRules rules)
    : IQueryHandler<ListInformationRequestsQuery, IReadOnlyList<InformationRequestItem>>
{
    public async ValueTask<IReadOnlyList<InformationRequestItem>> Handle(ListInformationRequestsQuery query, CancellationToken cancellationToken) =>
        [.. (await store.ListAsync(cancellationToken))
            .Where(r => !query.OpenOnly || r.Status != InformationRequestStatus.Answered)
            .Select(r => new InformationRequestItem(r, rules.ReplyDue(r)))];
}
