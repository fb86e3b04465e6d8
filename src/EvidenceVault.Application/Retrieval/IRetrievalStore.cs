using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;

namespace EvidenceVault.Application.Retrieval;

/// <summary>Retrieval requests and the grants they become; every change carries its custody entry in the same transaction.</summary>
public interface IRetrievalStore
{
    /// <summary>Stores a new request under the next number, built by <paramref name="numbered"/>, with its custody entry.</summary>
    Task<RetrievalRequest> CreateAsync(Func<RetrievalId, RetrievalRequest> numbered, Func<RetrievalRequest, CustodyEntry> custody, CancellationToken cancellationToken);

    /// <summary>Saves a decision (approval, rejection) or revocation.</summary>
    Task UpdateAsync(RetrievalRequest request, CustodyEntry custody, CancellationToken cancellationToken);

    Task<RetrievalRequest?> FindAsync(RetrievalId id, CancellationToken cancellationToken);

    /// <summary>All requests, newest first.</summary>
    Task<IReadOnlyList<RetrievalRequest>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>Lookups every retrieval use case needs.</summary>
public static class RetrievalStoreExtensions
{
    public static async Task<RetrievalRequest> RequireAsync(this IRetrievalStore store, RetrievalId id, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) ?? throw new NotFoundException($"No retrieval request or grant is numbered {id}.");
}
