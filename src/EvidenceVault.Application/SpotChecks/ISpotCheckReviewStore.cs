using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Draws;
using EvidenceVault.Domain.SpotChecks;

namespace EvidenceVault.Application.SpotChecks;

/// <summary>Reviews of spot-checked recordings, append-only, each with its custody entry in the same transaction.</summary>
public interface ISpotCheckReviewStore
{
    Task AddAsync(SpotCheckReview review, CustodyEntry custody, CancellationToken cancellationToken);

    /// <summary>A draw's reviews in the order they were made.</summary>
    Task<IReadOnlyList<SpotCheckReview>> ListAsync(DrawId draw, CancellationToken cancellationToken);
}
