using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Draws;
using EvidenceVault.Application.Retrieval;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Draws;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.SpotChecks;

/// <summary>
/// The grant a spot check's reveal issues: an ordinary retrieval grant (purpose 抽查, expiring) held by the supervisor,
/// covering exactly the sampled recordings, so a review goes through the same grant checks as every other retrieval.
/// Its approval is the draw itself: the sample was fixed by a commitment and a public seed, not chosen by anyone.
/// </summary>
public sealed class SpotCheckGrants(AccessControl access, CustodyEntries custody, SpotCheckLimits limits)
{
    public const string Purpose = "抽查";

    /// <summary>The grant for <paramref name="sample"/>, for the draw store to write with the reveal itself.</summary>
    public async Task<RevealGrant> ForAsync(Draw draw, IReadOnlyList<DrawCandidate> sample, CancellationToken cancellationToken)
    {
        var holder = (await access.ActingUserAsync(cancellationToken))?.Name ?? UserName.Parse(custody.Actor);
        var reason = $"issued by spot-check draw {draw.Id} (commitment {draw.Commitment})";
        RetrievalRequest Numbered(RetrievalId id) => new(
            id,
            holder,
            null,
            [.. sample.Select(c => RecordingId.Parse(c.Id))],
            $"{Purpose} {draw.Id}",
            new RetrievalPeriod(custody.Now, custody.Now.AddDays(limits.GrantDays)),
            null,
            new ApprovalTier(TierKind.AgencyWide, null),
            RetrievalStatus.Approved,
            custody.Now,
            new RetrievalDecision(holder, custody.Now, reason),
            null);
        return new RevealGrant(Numbered, r => custody.Entry(r.Id.ToString(), RetrievalRequestedDetails.Of(r)));
    }
}
