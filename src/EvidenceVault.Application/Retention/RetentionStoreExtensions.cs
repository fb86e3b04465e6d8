using EvidenceVault.Domain.Retention;

namespace EvidenceVault.Application.Retention;

/// <summary>One proposal lookup with a clear error, for every deletion use case.</summary>
public static class RetentionStoreExtensions
{
    public static async Task<DeletionProposal> RequireProposalAsync(this IRetentionStore store, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return await store.FindProposalAsync(id, cancellationToken) ?? throw new NotFoundException($"There is no deletion proposal {id}.");
    }
}
