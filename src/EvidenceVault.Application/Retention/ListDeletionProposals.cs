using EvidenceVault.Application.Access;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Retention;
using Mediator;

namespace EvidenceVault.Application.Retention;

/// <summary>Deletion proposals, optionally of one status, oldest first.</summary>
public sealed record ListDeletionProposalsQuery(DeletionStatus? Status) : IQuery<IReadOnlyList<DeletionProposal>>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => [Role.Archivist, Role.Administrator];
}

public sealed class ListDeletionProposalsHandler(IRetentionStore store) : IQueryHandler<ListDeletionProposalsQuery, IReadOnlyList<DeletionProposal>>
{
    public async ValueTask<IReadOnlyList<DeletionProposal>> Handle(ListDeletionProposalsQuery query, CancellationToken cancellationToken) =>
        await store.ProposalsAsync(query.Status, cancellationToken);
}
