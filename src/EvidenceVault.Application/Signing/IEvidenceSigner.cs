namespace EvidenceVault.Application.Signing;

/// <summary>
/// The vault's signing key (checkpoints, export packages, key rotation). Its private part lives outside the catalog,
/// so someone who can write the catalog cannot forge what it signs.
/// </summary>
public interface IEvidenceSigner
{
    /// <summary>The public half, to print, to ship in packages and to verify with.</summary>
    EvidencePublicKey PublicKey { get; }

    string KeyId => PublicKey.KeyId;

    SignatureAlgorithm Algorithm => PublicKey.Algorithm;

    byte[] Sign(ReadOnlySpan<byte> message);
}

public enum SignatureAlgorithm
{
    /// <summary>Ed25519 (RFC 8032), the default.</summary>
    Ed25519,

    /// <summary>SM2 signatures with SM3 (GB/T 32918.2, GB/T 32905), where national cryptography is configured.</summary>
    Sm2Sm3,
}
