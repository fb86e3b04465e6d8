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

    /// <summary>A derivative made before digests were kept: nothing to compare it with until it is made again.</summary>
    Unrecorded,
}

/// <summary>One re-hash of a stored original (<see cref="Derivative"/> null) or of one of its derivatives.</summary>
public sealed record FixityResult(RecordingId Id, Sha256Digest? Expected, FixityState State, string? Actual)
{
    public DerivativeKind? Derivative { get; init; }

    /// <summary><c>original</c>, <c>proxy</c> or <c>thumbnail</c>: what was checked, in output and incident kinds.</summary>
    public string Target => Derivative?.Name() ?? "original";

    /// <summary>Changed or missing bytes: an integrity incident. An unrecorded derivative is not damage, only unproven.</summary>
    public bool IsDamage => State is FixityState.Changed or FixityState.Missing;

    /// <summary>The incident kind: <c>changed</c>/<c>missing</c> for an original, <c>proxy-changed</c> and so on for a derivative.</summary>
    public string IncidentKind => Derivative is { } kind ? $"{kind.Name()}-{State.ToString().ToLowerInvariant()}" : State.ToString().ToLowerInvariant();
}

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
