using System.Text;
using EvidenceVault.Application.Signing;

namespace EvidenceVault.Storage.Keys;

/// <summary>
/// The vault signing key as a PKCS#8 PEM file outside the catalog, created at first use with the configured algorithm.
/// An existing file keeps its own algorithm: changing the option later never replaces a key.
/// </summary>
public static class SigningKeyFile
{
    public static IEvidenceSigner LoadOrCreate(string path, SignatureAlgorithm algorithm) =>
        EvidenceSignatures.SignerFromPem(Encoding.ASCII.GetString(KeyFiles.LoadOrCreate(path, () => Encoding.ASCII.GetBytes(EvidenceSignatures.NewPrivateKeyPem(algorithm)))));
}
