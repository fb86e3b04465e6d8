using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Vault;

/// <summary>
/// Redacted copies of an original: any number per original, each stored under its own SHA-256 beside the original's other
/// derivatives, create-only. They go with the original when it is destroyed.
/// </summary>
public interface IVaultRedactions
{
    /// <summary>Stores a redacted copy whose bytes hash to <paramref name="copy"/>; the staged file is consumed.</summary>
    Task<VaultPutOutcome> PutRedactionAsync(Sha256Digest original, Sha256Digest copy, StagedFile staged, CancellationToken cancellationToken);

    /// <summary>Opens a redacted copy, or returns null when it is not stored.</summary>
    Task<Stream?> OpenRedactionAsync(Sha256Digest original, Sha256Digest copy, CancellationToken cancellationToken);
}
