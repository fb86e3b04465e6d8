using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Draws;
using EvidenceVault.Application.SpotChecks;
using EvidenceVault.Domain.Draws;
using EvidenceVault.Domain.SpotChecks;

namespace EvidenceVault.Application.Tests.Fakes;

/// <summary>Draws and spot-check reviews in memory, writing their custody entries to <see cref="Log"/>; <see cref="Draws"/> is open to tampering.</summary>
public sealed class InMemoryDraws(ICustodyLog log) : IDrawStore, ISpotCheckReviewStore
{
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

    public async Task<bool> RevealAsync(Draw revealed, CustodyEntry custody, CancellationToken cancellationToken)
    {
        if (Draws[revealed.Id].Reveal is not null)
        {
            return false;
        }

        Draws[revealed.Id] = revealed;
        await log.AppendAsync(custody, cancellationToken);
        return true;
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
