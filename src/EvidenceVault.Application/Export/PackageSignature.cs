using System.Text;
using EvidenceVault.Application.Signing;
using EvidenceVault.Domain.Custody;

namespace EvidenceVault.Application.Export;

/// <summary>How far a package's signature was checked.</summary>
public enum SignatureState
{
    /// <summary>A package from before packages were signed: only its hashes could be checked.</summary>
    NoSignature,

    /// <summary>Signed, and the signature and checkpoint verify with the key the package carries, which no trust anchor vouched for.</summary>
    Untrusted,

    /// <summary>Signed by the trusted key.</summary>
    Trusted,

    /// <summary>A signature, key or checkpoint is missing, malformed, wrong, or by a key other than the trusted one.</summary>
    Invalid,
}

/// <summary>The signature check: its state, the key the package carries and the checkpoint it was cut from (when they verified).</summary>
public sealed record SignatureReport(SignatureState State, EvidencePublicKey? Key, Checkpoint? Checkpoint);

/// <summary>
/// The package signature. The vault key signs <c>tagmanifest-sha256.txt</c>, which pins every tag file, the payload
/// manifest and through it every payload file. The public key and the checkpoint are tag files, so they are signed too;
/// the signature cannot list itself, so it is the one file besides the tag manifest that no manifest lists.
/// </summary>
public static class PackageSignature
{
    public const string Folder = "signature/";
    public const string PublicKey = "signature/public-key.pem";
    public const string Checkpoint = "signature/checkpoint.txt";
    public const string Signature = "signature/tagmanifest-sha256.txt.sig";

    internal static async Task<SignatureReport> VerifyAsync(PackageReader package, EvidencePublicKey? trust, List<PackageProblem> problems, CancellationToken cancellationToken)
    {
        if (!package.Files.Any(f => f.StartsWith(Folder, StringComparison.Ordinal)))
        {
            if (trust is not null)
            {
                problems.Add(new PackageProblem(Signature, "signature", $"the package is unsigned, so it cannot be checked against the trusted key SHA256:{trust.Fingerprint}"));
            }

            return new SignatureReport(SignatureState.NoSignature, null, null);
        }

        var before = problems.Count;
        var key = await ReadAsync(package, PublicKey, cancellationToken) is { } pem ? EvidencePublicKey.FromPem(Encoding.UTF8.GetString(pem)) : null;
        if (key is null)
        {
            problems.Add(new PackageProblem(PublicKey, "signature", "missing, or not an Ed25519 or SM2 public key in PEM"));
            return new SignatureReport(SignatureState.Invalid, null, null);
        }

        var signed = await ReadAsync(package, BagFiles.TagManifest, cancellationToken);
        var signature = await ReadAsync(package, Signature, cancellationToken);
        if (signed is null || signature is null || !key.Verify(signed, signature))
        {
            problems.Add(new PackageProblem(Signature, "signature", $"missing, or it does not verify with the package's key SHA256:{key.Fingerprint}: {BagFiles.TagManifest} changed after signing"));
        }

        var note = await ReadAsync(package, Checkpoint, cancellationToken) is { } text ? SignedCheckpoint.Parse(Encoding.UTF8.GetString(text)) : null;
        if (note is null || CheckpointNotes.VerifiedBy(note, [key]) is null)
        {
            problems.Add(new PackageProblem(Checkpoint, "signature", $"missing, not a signed checkpoint, or not signed by the package's key SHA256:{key.Fingerprint}"));
            note = null;
        }

        if (trust is not null && trust.Fingerprint != key.Fingerprint)
        {
            problems.Add(new PackageProblem(PublicKey, "signature", $"the package is signed by key SHA256:{key.Fingerprint}, not by the trusted key SHA256:{trust.Fingerprint}"));
        }

        var state = problems.Count > before ? SignatureState.Invalid : trust is null ? SignatureState.Untrusted : SignatureState.Trusted;
        return new SignatureReport(state, key, note?.Checkpoint);
    }

    /// <summary>Tag files are small; a hostile one is capped rather than read whole.</summary>
    private static Task<byte[]?> ReadAsync(PackageReader package, string path, CancellationToken cancellationToken) =>
        PackageText.ReadAllAsync(package, path, 1 << 20, null, cancellationToken);
}
