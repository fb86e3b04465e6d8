using System.Collections.Concurrent;
using EvidenceVault.Application.Retrieval;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Recordings;

/// <summary>When one target of a recording last hashed intact through a handle that can be re-read, and what it hashed to.</summary>
public sealed record Verification(string Sha256, long Length, DateTimeOffset At);

/// <summary>
/// Remembers for a short time (<see cref="RetrievalLimits.VerifiedFor"/>) that a write-once original or derivative hashed
/// intact, so a player's seeks, each a Range request, are served from the stored file without re-hashing all of it. An
/// integrity incident forgets the recording at once; only a handle that can seek is remembered, so a network vault
/// always re-hashes.
/// </summary>
public sealed class VerificationCache(RetrievalLimits limits, TimeProvider time)
{
    private const int PruneAbove = 4096;
    private readonly ConcurrentDictionary<(RecordingId Id, RetrievalTarget Target), Verification> verified = new();

    public Verification? Find(RecordingId id, RetrievalTarget target)
    {
        if (!verified.TryGetValue((id, target), out var known))
        {
            return null;
        }

        if (IsFresh(known))
        {
            return known;
        }

        verified.TryRemove(new((id, target), known));
        return null;
    }

    public Verification Remember(RecordingId id, RetrievalTarget target, string sha256, long length)
    {
        if (verified.Count >= PruneAbove)
        {
            foreach (var stale in verified.Where(pair => !IsFresh(pair.Value)))
            {
                verified.TryRemove(stale);
            }
        }

        var verification = new Verification(sha256, length, time.GetUtcNow());
        verified[(id, target)] = verification;
        return verification;
    }

    /// <summary>Forgets every target of a recording, as soon as any of its bytes fail a check.</summary>
    public void Forget(RecordingId id)
    {
        foreach (var target in Enum.GetValues<RetrievalTarget>())
        {
            verified.TryRemove((id, target), out _);
        }
    }

    private bool IsFresh(Verification verification) => time.GetUtcNow() - verification.At < limits.VerifiedFor;
}
