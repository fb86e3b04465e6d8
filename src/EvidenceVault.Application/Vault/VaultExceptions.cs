using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Vault;

/// <summary>Base of every vault failure; adapters translate their own errors into these.</summary>
public class VaultException : Exception
{
    public VaultException(string message)
        : base(message)
    {
    }

    public VaultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The object for a digest is not in the vault.</summary>
public sealed class VaultObjectMissingException(Sha256Digest digest)
    : VaultException($"The vault holds no original with SHA-256 {digest}.")
{
    public Sha256Digest Digest { get; } = digest;
}

/// <summary>Stored bytes no longer hash to their address: evidence was altered or damaged.</summary>
public sealed class VaultIntegrityException(Sha256Digest expected, string actual)
    : VaultException($"Integrity failure: the object stored as SHA-256 {expected} now hashes to {actual}.")
{
    public Sha256Digest Expected { get; } = expected;

    public string Actual { get; } = actual;
}

/// <summary>The vault could not be reached or refused service for a while; the operation may be retried later.</summary>
public sealed class VaultUnavailableException(string message, Exception innerException)
    : VaultException(message, innerException);
