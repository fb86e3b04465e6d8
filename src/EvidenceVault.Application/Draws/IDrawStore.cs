using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Draws;

namespace EvidenceVault.Application.Draws;

/// <summary>Committed and revealed draws; every change carries its custody entry in the same transaction.</summary>
public interface IDrawStore
{
    /// <summary>Stores a new draw under the next number, built by <paramref name="numbered"/>, with its custody entry.</summary>
    Task<Draw> CreateAsync(Func<DrawId, Draw> numbered, Func<Draw, CustodyEntry> custody, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the reveal of a draw not yet revealed, built by <paramref name="revealed"/> from the number of the grant
    /// it issues (a spot check's, else null), and that grant, all in one transaction with their custody entries: a
    /// crash leaves either both or neither. Null (nothing written) when another reveal came first, so the database,
    /// not a check before it, decides that a draw is revealed once.
    /// </summary>
    Task<Draw?> RevealAsync(Func<RetrievalId?, Draw> revealed, Func<Draw, CustodyEntry> custody, RevealGrant? grant, CancellationToken cancellationToken);

    Task<Draw?> FindAsync(DrawId id, CancellationToken cancellationToken);

    /// <summary>All draws, newest first.</summary>
    Task<IReadOnlyList<Draw>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>The grant a reveal issues, numbered by the store in the reveal's transaction, with its custody entry.</summary>
public sealed record RevealGrant(Func<RetrievalId, RetrievalRequest> Numbered, Func<RetrievalRequest, CustodyEntry> Custody);

/// <summary>Lookups every draw use case needs.</summary>
public static class DrawStoreExtensions
{
    public static async Task<Draw> RequireAsync(this IDrawStore store, DrawId id, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) ?? throw new NotFoundException($"No draw is numbered {id}.");

    /// <summary>The one way a draw is committed on its own (general draws and spot checks).</summary>
    public static Task<Draw> CommitAsync(
        this IDrawStore store, DrawKind kind, string title, CandidateList candidates, SeedSource seed, DrawQuota quota, DateTimeOffset seedDueAt, CustodyEntries custody, CancellationToken cancellationToken)
    {
        var plan = DrawPlan.Of(kind, title, candidates, seed, quota, seedDueAt, custody);
        return store.CreateAsync(plan.Numbered, plan.Custody, cancellationToken);
    }
}

/// <summary>A checked draw not yet stored: how it is built from its number, and its commitment entry.</summary>
public sealed record DrawPlan(Func<DrawId, Draw> Numbered, Func<Draw, CustodyEntry> Custody)
{
    /// <summary>The one place a commitment is checked and built, whether it is stored alone or inside a 双随机 task.</summary>
    public static DrawPlan Of(DrawKind kind, string title, CandidateList candidates, SeedSource seed, DrawQuota quota, DateTimeOffset seedDueAt, CustodyEntries custody)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new FormatException("A draw needs a title (--title) saying what is drawn and why.");
        }

        if (seedDueAt <= custody.Now)
        {
            throw new FormatException($"The seed of a draw must be due after its commitment; {seedDueAt:yyyy-MM-dd HH:mm zzz} is not in the future.");
        }

        quota.EnsureFits(candidates);
        return new DrawPlan(
            id => new Draw(id, kind, title.Trim(), candidates, seed, quota, candidates.Hash, seedDueAt, custody.Actor, custody.Now, null),
            d => custody.Entry(d.Id.ToString(), DrawCommittedDetails.Of(d)));
    }
}
