using EvidenceVault.Application.Access;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Fixity;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Recordings;

/// <summary>
/// What every way of handing out a recording's bytes decides alike: whether the actor may have them (their own, or an
/// active grant covering them), that they were not destroyed, and how a failed check is refused.
/// </summary>
public sealed class RetrievalGate(ICatalog catalog, RecordingAccess access, IntegrityIncidents incidents)
{
    /// <summary>Admits the actor to the recording's bytes, or to one of its redacted copies when <paramref name="redactedCopy"/>.</summary>
    public async Task<(RecordingEntry Recording, RetrievalRequest? Grant)> AdmitAsync(RecordingId id, RetrievalId? grant, CancellationToken cancellationToken, bool redactedCopy = false)
    {
        var recording = await catalog.FindAsync(id, cancellationToken) ?? throw new RecordingNotFoundException(id);
        var covering = await access.RequireBytesAsync([recording], grant, cancellationToken, redactedCopy);
        if (recording.DestroyedAt is { } destroyed)
        {
            throw new RecordingDestroyedException($"Recording {id} was destroyed on {destroyed:yyyy-MM-dd} by an approved deletion; its tombstone is in the custody ledger (audit show --subject {id}).");
        }

        return (recording, covering);
    }

    /// <summary>The refusal for bytes that did not verify (or do not exist); damage raises an integrity incident first.</summary>
    public async Task<RetrievalRefusedException> RefuseAsync(RecordingEntry recording, RetrievalTarget target, FixityResult? result, CancellationToken cancellationToken)
    {
        var id = recording.Id;
        var name = target.Name();
        switch (result)
        {
            case null:
                return new RetrievalRefusedException($"Recording {id} has no {name} yet (run `evidencevault process`).", isIntegrityFailure: false);
            case { State: FixityState.Unrecorded }:
                return new RetrievalRefusedException(
                    $"Refused: the {name} of recording {id} was made before derivative digests were kept, so nothing proves it is unaltered; make it again from the verified original with `evidencevault media regenerate {id}`.", isIntegrityFailure: true);
            default:
                await incidents.RaiseAsync(recording, result, "retrieval", cancellationToken);
                var read = result.Actual is null ? "it is missing from the vault" : $"read {result.Actual}";
                return new RetrievalRefusedException(
                    $"Refused: the {name} of recording {id} no longer matches its SHA-256 (expected {result.Expected}, {read}); an integrity incident was logged"
                    + (result.Derivative is null ? "." : $" and `evidencevault media regenerate {id}` makes it again from the verified original."),
                    isIntegrityFailure: true);
        }
    }
}

/// <summary>The recording's bytes were destroyed by an approved deletion; only its row and tombstone remain.</summary>
public sealed class RecordingDestroyedException(string message) : Exception(message);

/// <summary>A retrieval was refused: the bytes do not verify (<see cref="IsIntegrityFailure"/>), or there is nothing to hand out.</summary>
public sealed class RetrievalRefusedException(string message, bool isIntegrityFailure) : Exception(message)
{
    public bool IsIntegrityFailure { get; } = isIntegrityFailure;
}
