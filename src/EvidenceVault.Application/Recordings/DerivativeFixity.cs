using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Hashing;
using EvidenceVault.Application.Vault;

namespace EvidenceVault.Application.Recordings;

/// <summary>
/// Reads a stored derivative once and compares it with the SHA-256 and length recorded when it was made; shared by
/// retrieval (HTTP and CLI), the export, <c>verify</c> and the fixity scan, so a swapped proxy is caught on every way out.
/// </summary>
public sealed class DerivativeFixity(IVault vault)
{
    /// <summary>Checks one derivative, copying its bytes to <paramref name="copyTo"/> while hashing; null when the recording has none.</summary>
    public async Task<FixityResult?> CheckAsync(RecordingEntry recording, DerivativeKind kind, Stream? copyTo, ByteBudget? budget, CancellationToken cancellationToken)
    {
        if (!recording.Has(kind))
        {
            return null;
        }

        var expected = recording.DigestOf(kind);
        FixityResult Result(FixityState state, string? actual) => new(recording.Id, expected?.Sha256, state, actual) { Derivative = kind };
        if (expected is null)
        {
            return Result(FixityState.Unrecorded, null);
        }

        await using var stored = await vault.OpenDerivativeAsync(recording.Sha256, kind, cancellationToken);
        if (stored is null)
        {
            return Result(FixityState.Missing, null);
        }

        var hashed = await StreamHasher.HashAsync(stored, copyTo, budget, cancellationToken);
        var intact = hashed.Sha256 == expected.Sha256 && hashed.Length == expected.Length;
        return Result(intact ? FixityState.Intact : FixityState.Changed, hashed.Sha256.Hex);
    }

    /// <summary>Every derivative the recording has, in a fixed order (proxy, then thumbnail).</summary>
    public async Task<IReadOnlyList<FixityResult>> CheckAllAsync(RecordingEntry recording, ByteBudget? budget, CancellationToken cancellationToken)
    {
        var results = new List<FixityResult>();
        foreach (var kind in RecordingDerivatives.Kinds)
        {
            if (await CheckAsync(recording, kind, null, budget, cancellationToken) is { } result)
            {
                results.Add(result);
            }
        }

        return results;
    }
}
