using System.Text.Json;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Storage.Vault;

/// <summary>
/// Retention locks as small JSON files beside the objects, replaced atomically (temp, fsync, rename,
/// fsync the directory). Destruction checks the lock first: no lock, a hold tag, or a future
/// retain-until and the original stays.
/// </summary>
public sealed partial class LocalFileVault
{
    public async Task<RetentionLock> ApplyLockAsync(Sha256Digest digest, RetentionLock wanted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        var current = await GetLockAsync(digest, cancellationToken);
        var applied = RetentionLock.Extend(current, wanted);
        var path = PathOf(VaultKeys.Lock(digest));
        Durability.CreateDirectory(Path.GetDirectoryName(path)!);
        await Durability.ReplaceAsync(path, JsonSerializer.SerializeToUtf8Bytes(new LockFile(applied.RetainUntil, [.. applied.Holds])), cancellationToken);
        return applied;
    }

    public async Task<RetentionLock?> GetLockAsync(Sha256Digest digest, CancellationToken cancellationToken)
    {
        var path = PathOf(VaultKeys.Lock(digest));
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var file = JsonSerializer.Deserialize<LockFile>(await File.ReadAllBytesAsync(path, cancellationToken))
                ?? throw new JsonException("empty lock file");
            return new RetentionLock(file.RetainUntil, file.Holds ?? []);
        }
        catch (JsonException ex)
        {
            // A damaged lock must never read as "no lock": that would allow deletion.
            throw new VaultException($"The retention lock of {digest} is unreadable ({ex.Message}); nothing may be destroyed until it is repaired.", ex);
        }
    }

    public async Task DestroyOriginalAsync(Sha256Digest digest, CancellationToken cancellationToken)
    {
        var original = PathOf(VaultKeys.Original(digest));
        var current = await GetLockAsync(digest, cancellationToken);
        if (!File.Exists(original))
        {
            return;
        }

        var refusal = RetentionLock.Forbids(current, time.GetUtcNow());
        if (refusal is not null)
        {
            throw new VaultDeletionRefusedException(digest, refusal);
        }

        var derived = Path.GetDirectoryName(PathOf(VaultKeys.Derivative(digest, DerivativeKind.Proxy)))!;
        if (Directory.Exists(derived))
        {
            Directory.Delete(derived, recursive: true);
        }

        File.Delete(original);
        Durability.Sync(Path.GetDirectoryName(original)!);
    }

    public Task<string> DescribeEnforcementAsync(CancellationToken cancellationToken) =>
        Task.FromResult("local vault: read-only files (0444), a retention lock file per original, destruction refused unless the lock allows it");

    private sealed record LockFile(DateTimeOffset RetainUntil, string[]? Holds);
}
