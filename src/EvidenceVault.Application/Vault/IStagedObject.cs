using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Vault;

/// <summary>
/// Bytes already complete and hashed elsewhere (a finished upload), which the vault takes over instead of having them
/// copied through the application: a local vault links the file into place when it is on the same file system, a blob
/// vault copies server-side from a blob in its own account. Anything else is copied once, and the result says so.
/// </summary>
public interface IStagedObject
{
    /// <summary>What the bytes hashed to as they arrived; the vault stores them only after re-reading them to this digest.</summary>
    Sha256Digest Sha256 { get; }

    long Length { get; }

    /// <summary>The local file with the bytes, when they are one; null for bytes held elsewhere (a blob).</summary>
    string? LocalPath { get; }

    /// <summary>False when the bytes are no longer with the store: an earlier attempt handed them to the vault and then stopped.</summary>
    Task<bool> ExistsAsync(CancellationToken cancellationToken);

    /// <summary>A seekable read of the bytes (the container checks jump between boxes).</summary>
    Task<Stream> OpenReadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Called once the vault holds its own verified copy: the store removes the bytes now, or (when they also record how
    /// far the upload got) with the upload's outcome.
    /// </summary>
    Task ReleaseAsync(CancellationToken cancellationToken);
}

/// <summary>How the vault took a staged object over.</summary>
public enum AdoptionMethod
{
    /// <summary>The same bytes on disk (a hard link then unlink, or a server-side copy in the same account): nothing went through the application.</summary>
    Moved,

    /// <summary>The bytes were copied once, because store and vault are on different file systems or services.</summary>
    Copied,

    /// <summary>The vault already held verified bytes under the digest (a second upload, or a retry after a crash).</summary>
    AlreadyPresent,
}

/// <summary>The outcome of <see cref="IVault.AdoptOriginalAsync"/>, with why a copy had to be made (for the custody details).</summary>
public sealed record VaultAdoption(VaultPutOutcome Outcome, AdoptionMethod Method, string? Note = null);
