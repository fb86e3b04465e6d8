using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Draws;
using EvidenceVault.Application.Retrieval;
using EvidenceVault.Application.SpotChecks;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Draws;
using EvidenceVault.Domain.SpotChecks;

namespace EvidenceVault.Application.Tests.Fakes;

/// <summary>
/// Draws and spot-check reviews in memory, writing their custody entries to <see cref="Log"/> and a reveal's grant to
/// <c>grants</c>; <see cref="Draws"/> is open to tampering.
/// </summary>
public sealed class InMemoryDraws(ICustodyLog log, IRetrievalStore? grants = null) : IDrawStore, ISpotCheckReviewStore
{
    /// <summary>Makes the next reveal fail midway, as a crash would.</summary>
    public bool CrashOnReveal { get; set; }

    public Dictionary<DrawId, Draw> Draws { get; } = [];

    public ICustodyLog Log => log;

    public List<SpotCheckReview> Reviews { get; } = [];

    public async Task<Draw> CreateAsync(Func<DrawId, Draw> numbered, Func<Draw, CustodyEntry> custody, CancellationToken cancellationToken)
    {
        var draw = numbered(new DrawId(Draws.Count + 1));
        Draws[draw.Id] = draw;
        await log.AppendAsync(custody(draw), cancellationToken);
        return draw;
    }

    public async Task<Draw?> RevealAsync(Func<RetrievalId?, Draw> revealed, Func<Draw, CustodyEntry> custody, RevealGrant? grant, CancellationToken cancellationToken)
    {
        var draw = revealed(grant is null ? null : new RetrievalId(long.MaxValue));
        if (Draws[draw.Id].Reveal is not null)
        {
            return null;
        }

        if (CrashOnReveal)
        {
            // Like a process killed inside the transaction: nothing of the reveal is kept.
            throw new IOException("the catalog went away in the middle of the reveal");
        }

        if (grant is not null)
        {
            var issued = await (grants ?? throw new InvalidOperationException("this fake holds no grant store")).CreateAsync(grant.Numbered, grant.Custody, cancellationToken);
            draw = revealed(issued.Id);
        }

        Draws[draw.Id] = draw;
        await log.AppendAsync(custody(draw), cancellationToken);
        return draw;
    }

    public Task<Draw?> FindAsync(DrawId id, CancellationToken cancellationToken) => Task.FromResult(Draws.GetValueOrDefault(id));

    public Task<IReadOnlyList<Draw>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Draw>>([.. Draws.Values.Reverse()]);

    public async Task AddAsync(SpotCheckReview review, CustodyEntry custody, CancellationToken cancellationToken)
    {
        Reviews.Add(review);
        await log.AppendAsync(custody, cancellationToken);
    }

    public Task<IReadOnlyList<SpotCheckReview>> ListAsync(DrawId draw, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SpotCheckReview>>([.. Reviews.Where(r => r.Draw == draw)]);
}
