using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using PemGenerationException = Org.BouncyCastle.Utilities.IO.Pem.PemGenerationException;
using PemObject = Org.BouncyCastle.Utilities.IO.Pem.PemObject;

namespace EvidenceVault.Application.Signing;

/// <summary>
/// A public signing key: algorithm and raw key bytes (Ed25519: 32 bytes; SM2: the 65-byte uncompressed point).
/// Its fingerprint is SHA-256 over the signature type byte and the key bytes, as C2SP signed-note keys are hashed;
/// the key id is the fingerprint's first 8 bytes in hex.
/// </summary>
public sealed record EvidencePublicKey(SignatureAlgorithm Algorithm, byte[] Bytes)
{
    public string Fingerprint => Convert.ToHexStringLower(SHA256.HashData([EvidenceSignatures.TypeByte(Algorithm), .. Bytes]));

    public string KeyId => Fingerprint[..16];

    public string AlgorithmName => EvidenceSignatures.Name(Algorithm);

    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        EvidenceSignatures.Verify(Algorithm, Bytes, message, signature);

    /// <summary>SubjectPublicKeyInfo PEM, which <c>openssl pkeyutl -verify -pubin</c> reads.</summary>
    public string ToPem()
    {
        var info = SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(EvidenceSignatures.PublicParameters(Algorithm, Bytes));
        var text = new StringBuilder();
        using (var writer = new StringWriter(text))
        {
            var pem = new PemWriter(writer);
            pem.WriteObject(new PemObject("PUBLIC KEY", info.GetEncoded()));
        }

        return text.ToString();
    }

    /// <summary>Reads a PEM public key (Ed25519 or SM2); null when the text is not one.</summary>
    public static EvidencePublicKey? FromPem(string pem)
    {
        try
        {
            using var reader = new StringReader(pem);
            var key = new PemReader(reader).ReadObject();
            return key switch
            {
                Ed25519PublicKeyParameters ed => new EvidencePublicKey(SignatureAlgorithm.Ed25519, ed.GetEncoded()),
                ECPublicKeyParameters ec when EvidenceSignatures.IsSm2Curve(ec.Parameters) => new EvidencePublicKey(SignatureAlgorithm.Sm2Sm3, ec.Q.GetEncoded(compressed: false)),
                _ => null,
            };
        }
        catch (Exception e) when (e is IOException or PemGenerationException or ArgumentException or InvalidCastException or FormatException or SecurityUtilityException)
        {
            return null;
        }
    }
}
