using EvidenceVault.Application.Access;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Fixity;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;
using Mediator;

namespace EvidenceVault.Application.Recordings;

/// <summary>What to hand out: the original itself or one of its derivatives.</summary>
public enum RetrievalTarget
{
    Original,
    Proxy,
    Thumbnail,
}

/// <summary>
/// Writes a recording (or a derivative) to a new file. The original is re-hashed on the way out, a derivative compared
/// with the SHA-256 recorded when it was made, and the file is withheld when the bytes no longer match (an integrity
/// incident). Under access control the actor needs the recording to be their own or an active <see cref="Grant"/> covering it.
/// </summary>
public sealed record RetrieveRecordingCommand(RecordingId Id, RetrievalTarget Target, string OutputPath, RetrievalId? Grant = null) : ICommand<RetrievalResult>;

public sealed record RetrievalResult(string OutputPath, long Length, string Sha256);

public sealed class RetrieveRecordingHandler(
    ICatalog catalog,
    OriginalFixity originals,
    DerivativeFixity derivatives,
    IntegrityIncidents incidents,
    ICustodyLog custody,
    CustodyEntries entries,
    RecordingAccess access)
    : ICommandHandler<RetrieveRecordingCommand, RetrievalResult>
{
    public async ValueTask<RetrievalResult> Handle(RetrieveRecordingCommand command, CancellationToken cancellationToken)
    {
        var recording = await catalog.FindAsync(command.Id, cancellationToken) ?? throw new RecordingNotFoundException(command.Id);
        var grant = await access.RequireBytesAsync([recording], command.Grant, cancellationToken);
        if (recording.DestroyedAt is { } destroyed)
        {
            throw new RecordingDestroyedException($"Recording {command.Id} was destroyed on {destroyed:yyyy-MM-dd} by an approved deletion; its tombstone is in the custody ledger (audit show --subject {command.Id}).");
        }

        var target = command.Target.ToString().ToLowerInvariant();
        var partial = command.OutputPath + ".partial";
        FixityResult? result;
        await using (var output = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20, FileOptions.Asynchronous))
        {
            result = command.Target switch
            {
                RetrievalTarget.Original => await originals.CheckAsync(recording, output, null, cancellationToken),
                RetrievalTarget.Proxy => await derivatives.CheckAsync(recording, DerivativeKind.Proxy, output, null, cancellationToken),
                _ => await derivatives.CheckAsync(recording, DerivativeKind.Thumbnail, output, null, cancellationToken),
            };
        }

        if (result is not { State: FixityState.Intact })
        {
            File.Delete(partial);
            throw await RefuseAsync(recording, target, result, cancellationToken);
        }

        File.Move(partial, command.OutputPath, overwrite: false);
        var length = new FileInfo(command.OutputPath).Length;
        var details = new RecordingRetrievedDetails(target, result.Actual!, length, grant?.Id.ToString());
        await custody.AppendAsync(entries.Entry(command.Id.Value, details), cancellationToken);
        return new RetrievalResult(command.OutputPath, length, result.Actual!);
    }

    private async Task<RetrievalRefusedException> RefuseAsync(RecordingEntry recording, string target, FixityResult? result, CancellationToken cancellationToken)
    {
        var id = recording.Id;
        switch (result)
        {
            case null:
                return new RetrievalRefusedException($"Recording {id} has no {target} yet (run `evidencevault process`).", isIntegrityFailure: false);
            case { State: FixityState.Unrecorded }:
                return new RetrievalRefusedException(
                    $"Refused: the {target} of recording {id} was made before derivative digests were kept, so nothing proves it is unaltered; make it again from the verified original with `evidencevault media regenerate {id}`.", isIntegrityFailure: true);
            default:
                await incidents.RaiseAsync(recording, result, "retrieval", cancellationToken);
                var read = result.Actual is null ? "it is missing from the vault" : $"read {result.Actual}";
                return new RetrievalRefusedException(
                    $"Refused: the {target} of recording {id} no longer matches its SHA-256 (expected {result.Expected}, {read}); an integrity incident was logged"
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
