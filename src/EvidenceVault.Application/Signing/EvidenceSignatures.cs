using System.Text;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;

namespace EvidenceVault.Application.Signing;

/// <summary>
/// Signing and verifying with the vault's algorithms (BouncyCastle underneath; .NET has neither Ed25519 nor SM2).
/// Verifying needs only the public key, so a package can be checked far from any vault.
/// </summary>
public static class EvidenceSignatures
{
    /// <summary>
    /// The signature type byte in key hashes: 0x01 is C2SP's Ed25519; SM2 has no C2SP type, so it takes 0xFF, the
    /// value C2SP leaves for types defined elsewhere.
    /// </summary>
    public static byte TypeByte(SignatureAlgorithm algorithm) => algorithm == SignatureAlgorithm.Ed25519 ? (byte)0x01 : (byte)0xFF;

    public static string Name(SignatureAlgorithm algorithm) => algorithm == SignatureAlgorithm.Ed25519 ? "ed25519" : "sm2-sm3";

    /// <summary>True when <paramref name="signature"/> is the key's signature over <paramref name="message"/>; false for any malformed input.</summary>
    public static bool Verify(SignatureAlgorithm algorithm, byte[] publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        try
        {
            var verifier = NewSigner(algorithm);
            verifier.Init(false, PublicParameters(algorithm, publicKey));
            verifier.BlockUpdate(message);
            return verifier.VerifySignature(signature.ToArray());
        }
        catch (Exception e) when (e is ArgumentException or FormatException or CryptoException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>A new private key as PKCS#8 PEM, the form the key file holds (and openssl reads).</summary>
    public static string NewPrivateKeyPem(SignatureAlgorithm algorithm)
    {
        var random = new SecureRandom();
        AsymmetricKeyParameter key = algorithm == SignatureAlgorithm.Ed25519
            ? new Ed25519PrivateKeyParameters(random)
            : new ECPrivateKeyParameters("EC", new BigInteger(256, random).Mod(Sm2Domain.N.Subtract(BigInteger.Two)).Add(BigInteger.One), GMObjectIdentifiers.sm2p256v1);
        var text = new StringBuilder();
        using (var writer = new StringWriter(text))
        {
            new PemWriter(writer).WriteObject(new Org.BouncyCastle.Utilities.IO.Pem.PemObject("PRIVATE KEY", PrivateKeyInfoFactory.CreatePrivateKeyInfo(key).GetEncoded()));
        }

        return text.ToString();
    }

    /// <summary>Reads a PEM private key into a signer; throws <see cref="FormatException"/> when it is not an Ed25519 or SM2 key.</summary>
    public static IEvidenceSigner SignerFromPem(string pem)
    {
        using var reader = new StringReader(pem);
        return new PemReader(reader).ReadObject() switch
        {
            Ed25519PrivateKeyParameters ed => new KeySigner(new EvidencePublicKey(SignatureAlgorithm.Ed25519, ed.GeneratePublicKey().GetEncoded()), ed),
            ECPrivateKeyParameters ec when IsSm2Curve(ec.Parameters) => new KeySigner(new EvidencePublicKey(SignatureAlgorithm.Sm2Sm3, ec.Parameters.G.Multiply(ec.D).Normalize().GetEncoded(compressed: false)), ec),
            _ => throw new FormatException("The key file holds neither an Ed25519 nor an SM2 private key."),
        };
    }

    internal static AsymmetricKeyParameter PublicParameters(SignatureAlgorithm algorithm, byte[] publicKey) =>
        algorithm == SignatureAlgorithm.Ed25519
            ? new Ed25519PublicKeyParameters(publicKey)
            : new ECPublicKeyParameters("EC", Sm2Domain.Curve.DecodePoint(publicKey), GMObjectIdentifiers.sm2p256v1);

    internal static bool IsSm2Curve(ECDomainParameters parameters) => parameters.Curve.Equals(Sm2Domain.Curve) && parameters.G.Equals(Sm2Domain.G);

    private static readonly ECDomainParameters Sm2Domain = new(GMNamedCurves.GetByOid(GMObjectIdentifiers.sm2p256v1));

    // SM2Signer's default user id (the GB/T 32918 "1234567812345678") and SM3 digest: what other SM2 tools expect.
    private static ISigner NewSigner(SignatureAlgorithm algorithm) =>
        algorithm == SignatureAlgorithm.Ed25519 ? new Ed25519Signer() : new SM2Signer(new SM3Digest());

    private sealed class KeySigner(EvidencePublicKey publicKey, AsymmetricKeyParameter privateKey) : IEvidenceSigner
    {
        public EvidencePublicKey PublicKey => publicKey;

        public byte[] Sign(ReadOnlySpan<byte> message)
        {
            var signer = NewSigner(publicKey.Algorithm);
            signer.Init(true, publicKey.Algorithm == SignatureAlgorithm.Ed25519 ? privateKey : new ParametersWithRandom(privateKey, new SecureRandom()));
            signer.BlockUpdate(message);
            return signer.GenerateSignature();
        }
    }
}
