using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Vault;

/// <summary>
/// The vault's own retention lock, so a delete the rules do not allow is refused by the storage layer
/// itself, not only by the use cases. The retain-until instant only ever moves later (WORM semantics);
/// hold tags (legal hold, permanence, an open case) block deletion while any is present. An original
/// that was never given a lock cannot be destroyed at all.
/// </summary>
public interface IVaultRetention
{
    /// <summary>Sets the lock: retain-until becomes the later of the stored and the wanted instant, the hold tags are replaced.</summary>
    Task<RetentionLock> ApplyLockAsync(Sha256Digest digest, RetentionLock wanted, CancellationToken cancellationToken);

    /// <summary>The stored lock, or null when none was ever set.</summary>
    Task<RetentionLock?> GetLockAsync(Sha256Digest digest, CancellationToken cancellationToken);

    /// <summary>
    /// Destroys an original and its derivatives. Throws <see cref="VaultDeletionRefusedException"/> unless a lock
    /// exists, carries no hold tag and its retain-until has passed. Destroying an object already gone is a no-op.
    /// </summary>
    Task DestroyOriginalAsync(Sha256Digest digest, CancellationToken cancellationToken);

    /// <summary>How this backend enforces retention, for <c>evidencevault doctor</c>.</summary>
    Task<string> DescribeEnforcementAsync(CancellationToken cancellationToken);
}

/// <summary>A vault-side retention lock: keep until an instant, and while any hold tag is present.</summary>
public sealed record RetentionLock(DateTimeOffset RetainUntil, IReadOnlyList<string> Holds)
{
    /// <summary>Why a stored lock (or its absence) forbids destruction at <paramref name="now"/>, or null when it allows it.</summary>
    public static string? Forbids(RetentionLock? stored, DateTimeOffset now) =>
        stored is null ? "no retention lock was ever set, so no rule has allowed it"
        : stored.Holds.Count > 0 ? $"held ({string.Join(", ", stored.Holds)})"
        : stored.RetainUntil > now ? $"retained until {stored.RetainUntil:O}"
        : null;

    /// <summary>The lock to store: <paramref name="wanted"/>, but retain-until never earlier than the stored one (WORM).</summary>
    public static RetentionLock Extend(RetentionLock? stored, RetentionLock wanted)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        return stored is not null && stored.RetainUntil > wanted.RetainUntil ? wanted with { RetainUntil = stored.RetainUntil } : wanted;
    }
}

/// <summary>The storage layer refused to destroy an original because its retention lock forbids it.</summary>
public sealed class VaultDeletionRefusedException(Sha256Digest digest, string reason)
    : VaultException($"The vault refuses to destroy the original with SHA-256 {digest}: {reason}.")
{
    public Sha256Digest Digest { get; } = digest;
}
