using EvidenceVault.Application.Access;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Disclosure;
using Mediator;

namespace EvidenceVault.Application.Disclosure;

/// <summary>The publication workflow's drafts and publications, newest first; they hold the unmasked originals, so only the reviewers of publication list them.</summary>
public sealed record ListPublicationsQuery(PublicationStatus? Status) : IQuery<IReadOnlyList<PublicationDraft>>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Publication;
}

public sealed class ListPublicationsHandler(IPublicationStore publications) : IQueryHandler<ListPublicationsQuery, IReadOnlyList<PublicationDraft>>
{
    public async ValueTask<IReadOnlyList<PublicationDraft>> Handle(ListPublicationsQuery query, CancellationToken cancellationToken) =>
        await publications.ListAsync(query.Status, cancellationToken);
}
