using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Requests;

namespace EvidenceVault.Application.Requests;

/// <summary>Information requests (依申请公开); every change carries its custody entries in the same transaction.</summary>
public interface IInformationRequestStore
{
    /// <summary>
    /// Stores a new request under the next number, built by <paramref name="numbered"/>, with its published status row and the entries
    /// made from it, in one transaction.
    /// </summary>
    Task<InformationRequest> CreateAsync(
        Func<InformationRequestId, InformationRequest> numbered, Func<InformationRequest, RequestLookup> lookup, Func<InformationRequest, IReadOnlyList<CustodyEntry>> custody, CancellationToken cancellationToken);

    /// <summary>
    /// Saves a step (completion notice, completion, extension, answer) with its entries, and its published status in the same
    /// transaction (a request received before query codes existed has no status row, and gets none).
    /// </summary>
    Task UpdateAsync(InformationRequest request, PublishedRequestStatus status, IReadOnlyList<CustodyEntry> custody, CancellationToken cancellationToken);

    Task<InformationRequest?> FindAsync(InformationRequestId id, CancellationToken cancellationToken);

    /// <summary>All requests, newest first.</summary>
    Task<IReadOnlyList<InformationRequest>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>A request's row in the published status projection: the lookup hash of its reference and query code, and its status.</summary>
public sealed record RequestLookup(string Hash, PublishedRequestStatus Status);

/// <summary>Lookups every request use case needs.</summary>
public static class InformationRequestStoreExtensions
{
    public static async Task<InformationRequest> RequireAsync(this IInformationRequestStore store, InformationRequestId id, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) ?? throw new NotFoundException($"No information request has the reference {id}.");
}
