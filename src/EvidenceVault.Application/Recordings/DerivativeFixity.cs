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
        await using var read = await ReadAsync(recording, kind, _ => copyTo, budget, keep: false, cancellationToken);
        return read?.Result;
    }

    /// <summary>
    /// Re-hashes one derivative through one handle and keeps what was read (the handle when it can seek, else a copy
    /// written to <paramref name="spool"/> while hashing); null when the recording has none.
    /// </summary>
    public Task<VerifiedRead?> ReadVerifiedAsync(RecordingEntry recording, DerivativeKind kind, Func<Stream> spool, CancellationToken cancellationToken) =>
        ReadAsync(recording, kind, stored => stored.CanSeek ? null : spool(), null, keep: true, cancellationToken);

    private async Task<VerifiedRead?> ReadAsync(RecordingEntry recording, DerivativeKind kind, Func<Stream, Stream?> copyFor, ByteBudget? budget, bool keep, CancellationToken cancellationToken)
    {
        if (!recording.Has(kind))
        {
            return null;
        }

        var expected = recording.DigestOf(kind);
        VerifiedRead Result(FixityState state, string? actual, Stream? kept = null) => new(new(recording.Id, expected?.Sha256, state, actual) { Derivative = kind }, kept);
        if (expected is null)
        {
            return Result(FixityState.Unrecorded, null);
        }

        var stored = await vault.OpenDerivativeAsync(recording.Sha256, kind, cancellationToken);
        if (stored is null)
        {
            return Result(FixityState.Missing, null);
        }

        Stream? copy = null;
        Stream? kept = null;
        try
        {
            copy = copyFor(stored);
            var hashed = await StreamHasher.HashAsync(stored, copy, budget, cancellationToken);
            var intact = hashed.Sha256 == expected.Sha256 && hashed.Length == expected.Length;
            kept = keep ? copy ?? stored : null;
            return Result(intact ? FixityState.Intact : FixityState.Changed, hashed.Sha256.Hex, kept);
        }
        finally
        {
            await VerifiedRead.CloseUnkeptAsync(stored, keep ? copy : null, kept);
        }
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
