using EvidenceVault.Application.Hashing;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Application.Vault;

namespace EvidenceVault.Application.Redaction;

/// <summary>Reads a stored redacted copy once and compares it with the digest recorded when it was made; every way out goes through here.</summary>
public sealed class RedactedCopies(IVaultRedactions vault)
{
    /// <summary>Copies the bytes to <paramref name="copyTo"/> while hashing them; Intact only when they are the recorded ones.</summary>
    public async Task<FixityResult> CheckAsync(RecordingRedaction redaction, Stream? copyTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(redaction);
        var expected = redaction.Copy;
        await using var stored = await vault.OpenRedactionAsync(redaction.Source, expected.Sha256, cancellationToken);
        if (stored is null)
        {
            return new FixityResult(redaction.Recording, expected.Sha256, FixityState.Missing, null) { Redaction = redaction.Id.ToString() };
        }

        var hashed = await StreamHasher.HashAsync(stored, copyTo, null, cancellationToken);
        var intact = hashed.Sha256 == expected.Sha256 && hashed.Length == expected.Length;
        return new FixityResult(redaction.Recording, expected.Sha256, intact ? FixityState.Intact : FixityState.Changed, hashed.Sha256.Hex) { Redaction = redaction.Id.ToString() };
    }
}
