using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Vault;

/// <summary>
/// Write-once storage for originals (content-addressed by SHA-256) and their derivatives.
/// Adapters never overwrite: a second write of an existing key compares content and is a no-op.
/// </summary>
public interface IVault
{
    /// <summary>A short description for status output, such as <c>local:/data/vault</c> or <c>azure:evidence</c>.</summary>
    string Description { get; }

    /// <summary>
    /// Stores a staged file as the original for <paramref name="digest"/>. The staged file is consumed
    /// (moved or uploaded, then removed). Throws <see cref="VaultIntegrityException"/> when an object
    /// already stored under that digest does not hash to it.
    /// </summary>
    Task<VaultPutOutcome> PutOriginalAsync(Sha256Digest digest, StagedFile staged, CancellationToken cancellationToken);

    /// <summary>
    /// Takes over a staged object as the original for its digest without a second copy where the storage allows it.
    /// The stored bytes are read once to check they hash to <see cref="IStagedObject.Sha256"/> before the original is
    /// published under its key; when they do not, nothing is stored, the staged bytes stay with their store, and
    /// <see cref="VaultIntegrityException"/> is thrown. An original already under the key is compared, never overwritten.
    /// </summary>
    Task<VaultAdoption> AdoptOriginalAsync(IStagedObject staged, CancellationToken cancellationToken);

    /// <summary>Size and declared digest of a stored original, or null when it is missing.</summary>
    Task<VaultObjectInfo?> GetOriginalInfoAsync(Sha256Digest digest, CancellationToken cancellationToken);

    /// <summary>Opens an original's raw bytes for reading; callers re-hash them on every way out.</summary>
    Task<Stream> OpenOriginalAsync(Sha256Digest digest, CancellationToken cancellationToken);

    /// <summary>A readable local file with the original's bytes, for tools such as ffmpeg that need a seekable file.</summary>
    Task<LocalCopy> CheckoutOriginalAsync(Sha256Digest digest, CancellationToken cancellationToken);

    /// <summary>Stores a derivative (proxy, thumbnail, preview sprite and cues) linked to its original by the original's digest; create-only.</summary>
    Task<VaultPutOutcome> PutDerivativeAsync(Sha256Digest original, DerivativeKind kind, StagedFile staged, CancellationToken cancellationToken);

    /// <summary>
    /// Puts a derivative made again from the verified original in place of the stored one (damaged, missing or
    /// unrecorded). Only derivatives are ever replaced; originals stay write-once.
    /// </summary>
    Task ReplaceDerivativeAsync(Sha256Digest original, DerivativeKind kind, StagedFile staged, CancellationToken cancellationToken);

    /// <summary>Opens a derivative, or returns null when it has not been made.</summary>
    Task<Stream?> OpenDerivativeAsync(Sha256Digest original, DerivativeKind kind, CancellationToken cancellationToken);
}

/// <summary>Whether a create-only write created the object or found identical content already there.</summary>
public enum VaultPutOutcome
{
    Created,
    AlreadyPresent,
}

/// <summary>Derivatives made from an original; never edits of it.</summary>
public enum DerivativeKind
{
    Proxy,
    Thumbnail,

    /// <summary>The preview sprite: one JPEG sheet of small frames, one per interval, for a player's hover preview.</summary>
    Sprite,

    /// <summary>The WebVTT cues that map each interval of the media to its tile in the <see cref="Sprite"/>.</summary>
    SpriteCues,
}

/// <summary>What the vault knows about a stored object without reading it.</summary>
public sealed record VaultObjectInfo(long Length, Sha256Digest? DeclaredDigest);
