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

    /// <summary>A redacted copy (<c>RD-n</c>) when that is what was checked; its bytes are a derivative kept apart from the others.</summary>
    public string? Redaction { get; init; }

    /// <summary><c>original</c>, <c>proxy</c>, <c>thumbnail</c> or <c>redaction</c>: what was checked, in output and incident kinds.</summary>
    public string Target => Redaction is not null ? "redaction" : Derivative?.Name() ?? "original";

    /// <summary>Changed or missing bytes: an integrity incident. An unrecorded derivative is not damage, only unproven.</summary>
    public bool IsDamage => State is FixityState.Changed or FixityState.Missing;

    /// <summary>The incident kind: <c>changed</c>/<c>missing</c> for an original, <c>proxy-changed</c> and so on for a derivative.</summary>
    public string IncidentKind => Derivative is null && Redaction is null ? State.ToString().ToLowerInvariant() : $"{Target}-{State.ToString().ToLowerInvariant()}";
}

/// <summary>
/// Reads a stored original once and compares its SHA-256 with the one taken at collection; shared by
/// <c>verify</c>, the fixity scan and the export, which also copies the bytes on while hashing them.
/// </summary>
public sealed class OriginalFixity(IVault vault)
{
    public async Task<FixityResult> CheckAsync(RecordingEntry recording, Stream? copyTo, ByteBudget? budget, CancellationToken cancellationToken)
    {
        await using var read = await ReadAsync(recording, _ => copyTo, budget, keep: false, cancellationToken);
        return read.Result;
    }

    /// <summary>
    /// Re-hashes the stored original through one handle and keeps what was read: the handle itself when it can seek (a
    /// local write-once file), else a copy written to <paramref name="spool"/> while hashing (a network stream).
    /// </summary>
    public Task<VerifiedRead> ReadVerifiedAsync(RecordingEntry recording, Func<Stream> spool, CancellationToken cancellationToken) =>
        ReadAsync(recording, stored => stored.CanSeek ? null : spool(), null, keep: true, cancellationToken);

    private async Task<VerifiedRead> ReadAsync(RecordingEntry recording, Func<Stream, Stream?> copyFor, ByteBudget? budget, bool keep, CancellationToken cancellationToken)
    {
        Stream? stored = null;
        Stream? copy = null;
        Stream? kept = null;
        try
        {
            stored = await vault.OpenOriginalAsync(recording.Sha256, cancellationToken);
            copy = copyFor(stored);
            var actual = (await StreamHasher.HashAsync(stored, copy, budget, cancellationToken)).Sha256;
            var result = new FixityResult(recording.Id, recording.Sha256, actual == recording.Sha256 ? FixityState.Intact : FixityState.Changed, actual.Hex);
            kept = keep ? copy ?? stored : null;
            return new VerifiedRead(result, kept);
        }
        catch (VaultObjectMissingException)
        {
            return new VerifiedRead(new FixityResult(recording.Id, recording.Sha256, FixityState.Missing, null), null);
        }
        catch (VaultIntegrityException ex)
        {
            return new VerifiedRead(new FixityResult(recording.Id, recording.Sha256, FixityState.Changed, ex.Actual), null);
        }
        finally
        {
            await VerifiedRead.CloseUnkeptAsync(stored, keep ? copy : null, kept);
        }
    }
}
