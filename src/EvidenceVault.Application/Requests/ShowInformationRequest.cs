using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Requests;
using Mediator;

namespace EvidenceVault.Application.Requests;

/// <summary>One information request with the applicant's data; the opening is a custody entry, since it shows a person's data.</summary>
public sealed record ShowInformationRequestQuery(InformationRequestId Id) : IQuery<InformationRequestItem>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Publication;
}

public sealed class ShowInformationRequestHandler(IInformationRequestStore store, ReplyRules rules, ICustodyLog log, CustodyEntries custody)
    : IQueryHandler<ShowInformationRequestQuery, InformationRequestItem>
{
    public async ValueTask<InformationRequestItem> Handle(ShowInformationRequestQuery query, CancellationToken cancellationToken)
    {
        var request = await store.RequireAsync(query.Id, cancellationToken);
        await log.AppendAsync(custody.Entry(request.Id.ToString(), new InformationRequestViewedDetails(request.Status.ToString())), cancellationToken);
        return new InformationRequestItem(request, rules.ReplyDue(request));
    }
}
