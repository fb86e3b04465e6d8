using System.Text;
using EvidenceVault.Application.Custody;

namespace EvidenceVault.Application.Signing;

/// <summary>
/// A change of the vault signing key, as a custody entry (subject: the new key id): both public keys, the old key's
/// signature over the statement (the key in use handed over) and the new key's (it accepts the old one as its
/// predecessor). Trust runs back from the key in the keys folder: an older key counts only through an entry the newer,
/// already trusted key signed, so a rotation entry written into the catalog by hand cannot bring in a key of its own.
/// </summary>
public sealed record KeyRotatedDetails(string PreviousKeyId, string PreviousAlgorithm, string PreviousKey, string KeyId, string Algorithm, string PublicKey, string PreviousKeySignature, string KeySignature)
    : ICustodyDetails
{
    public static string Action => CustodyActions.KeysRotated;

    public static KeyRotatedDetails Sign(IEvidenceSigner previous, IEvidenceSigner next)
    {
        var statement = Statement(previous.PublicKey, next.PublicKey);
        return new KeyRotatedDetails(
            previous.KeyId, previous.PublicKey.AlgorithmName, Convert.ToBase64String(previous.PublicKey.Bytes),
            next.KeyId, next.PublicKey.AlgorithmName, Convert.ToBase64String(next.PublicKey.Bytes),
            Convert.ToBase64String(previous.Sign(statement)), Convert.ToBase64String(next.Sign(statement)));
    }

    /// <summary>The two keys when both signatures hold; null for an entry that is not a rotation the two keys signed.</summary>
    public (EvidencePublicKey Previous, EvidencePublicKey Next)? Verified()
    {
        if (Key(PreviousAlgorithm, PreviousKey) is not { } previous || Key(Algorithm, PublicKey) is not { } next)
        {
            return null;
        }

        var statement = Statement(previous, next);
        return Base64(PreviousKeySignature) is { } oldSignature && Base64(KeySignature) is { } newSignature
            && previous.Verify(statement, oldSignature) && next.Verify(statement, newSignature)
            ? (previous, next)
            : null;
    }

    /// <summary>What both keys sign: the log's origin and the two keys, one per line.</summary>
    private static byte[] Statement(EvidencePublicKey previous, EvidencePublicKey next) => Encoding.UTF8.GetBytes(
        $"evidencevault key rotation\n{CheckpointWriter.Origin}\nprevious {previous.AlgorithmName} {Convert.ToBase64String(previous.Bytes)}\nnext {next.AlgorithmName} {Convert.ToBase64String(next.Bytes)}\n");

    private static EvidencePublicKey? Key(string algorithm, string key) =>
        Enum.GetValues<SignatureAlgorithm>().Where(a => EvidenceSignatures.Name(a) == algorithm).Select(a => Base64(key) is { } bytes ? new EvidencePublicKey(a, bytes) : null).FirstOrDefault();

    private static byte[]? Base64(string text)
    {
        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text, bytes, out var written) ? bytes[..written] : null;
    }
}

/// <summary>The vault keys that may have signed a checkpoint: the current key and those its rotation entries link back to.</summary>
public static class TrustedKeys
{
    /// <summary>
    /// Walks the rotation entries newest first, taking each previous key whose successor is already trusted; returns the
    /// trusted keys (current first) and the rotation entries that do not verify.
    /// </summary>
    public static (IReadOnlyList<EvidencePublicKey> Keys, IReadOnlyList<long> Unverified) From(EvidencePublicKey current, IReadOnlyList<(long Sequence, KeyRotatedDetails? Details)> rotations)
    {
        var trusted = new List<EvidencePublicKey> { current };
        var unverified = new List<long>();
        for (var i = rotations.Count - 1; i >= 0; i--)
        {
            if (rotations[i].Details?.Verified() is not { } keys)
            {
                unverified.Add(rotations[i].Sequence);
            }
            else if (trusted.Any(k => k.Fingerprint == keys.Next.Fingerprint) && trusted.All(k => k.Fingerprint != keys.Previous.Fingerprint))
            {
                trusted.Add(keys.Previous);
            }
        }

        unverified.Reverse();
        return (trusted, unverified);
    }
}
