using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Hashing;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Recordings;

public enum FixityState
{
    Intact,
    Changed,
    Missing,
}

public sealed record FixityResult(RecordingId Id, Sha256Digest Expected, FixityState State, string? Actual);

/// <summary>
/// Reads a stored original once and compares its SHA-256 with the one taken at collection; shared by
/// <c>verify</c>, the fixity scan and the export, which also copies the bytes on while hashing them.
/// </summary>
public sealed class OriginalFixity(IVault vault)
{
    public async Task<FixityResult> CheckAsync(RecordingEntry recording, Stream? copyTo, ByteBudget? budget, CancellationToken cancellationToken)
    {
        try
        {
            await using var stored = await vault.OpenOriginalAsync(recording.Sha256, cancellationToken);
            var actual = (await StreamHasher.HashAsync(stored, copyTo, budget, cancellationToken)).Sha256;
            return new FixityResult(recording.Id, recording.Sha256, actual == recording.Sha256 ? FixityState.Intact : FixityState.Changed, actual.Hex);
        }
        catch (VaultObjectMissingException)
        {
            return new FixityResult(recording.Id, recording.Sha256, FixityState.Missing, null);
        }
        catch (VaultIntegrityException ex)
        {
            return new FixityResult(recording.Id, recording.Sha256, FixityState.Changed, ex.Actual);
        }
    }
}
