using EvidenceVault.Application.Access;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Hashing;
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
/// Writes a recording (or a derivative) to a new file. The original is re-hashed on the way out and the
/// file is withheld when the bytes no longer match the SHA-256 taken at collection. Under access control the
/// actor needs the recording to be their own or an active <see cref="Grant"/> covering it.
/// </summary>
public sealed record RetrieveRecordingCommand(RecordingId Id, RetrievalTarget Target, string OutputPath, RetrievalId? Grant = null) : ICommand<RetrievalResult>;

public sealed record RetrievalResult(string OutputPath, long Length, string Sha256);

public sealed class RetrieveRecordingHandler(IVault vault, ICatalog catalog, ICustodyLog custody, CustodyEntries entries, RecordingAccess access)
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

        await using var content = await OpenAsync(recording, command, cancellationToken)
            ?? throw new RetrievalRefusedException($"Recording {command.Id} has no {command.Target.ToString().ToLowerInvariant()} yet (run `evidencevault process`).");

        var partial = command.OutputPath + ".partial";
        string actual;
        long length;
        await using (var output = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20, FileOptions.Asynchronous))
        {
            var hashed = await StreamHasher.HashAsync(content, output, null, cancellationToken);
            (actual, length) = (hashed.Sha256.Hex, hashed.Length);
        }

        if (command.Target == RetrievalTarget.Original && actual != recording.Sha256.Hex)
        {
            File.Delete(partial);
            var refusal = new IntegrityFailureDetails(null, recording.Sha256.Hex, actual, null, null);
            await custody.AppendAsync(entries.Entry(command.Id.Value, refusal), cancellationToken);
            throw new RetrievalRefusedException($"Refused: recording {command.Id} no longer matches its SHA-256 (expected {recording.Sha256}, read {actual}); an integrity incident was logged.");
        }

        File.Move(partial, command.OutputPath, overwrite: false);
        var details = new RecordingRetrievedDetails(command.Target.ToString().ToLowerInvariant(), actual, length, grant?.Id.ToString());
        await custody.AppendAsync(entries.Entry(command.Id.Value, details), cancellationToken);
        return new RetrievalResult(command.OutputPath, length, actual);
    }

    private async Task<Stream?> OpenAsync(RecordingEntry recording, RetrieveRecordingCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return command.Target switch
            {
                RetrievalTarget.Original => await vault.OpenOriginalAsync(recording.Sha256, cancellationToken),
                RetrievalTarget.Proxy => await vault.OpenDerivativeAsync(recording.Sha256, DerivativeKind.Proxy, cancellationToken),
                _ => await vault.OpenDerivativeAsync(recording.Sha256, DerivativeKind.Thumbnail, cancellationToken),
            };
        }
        catch (Exception ex) when (ex is VaultIntegrityException or VaultObjectMissingException)
        {
            var details = new IntegrityFailureDetails(null, recording.Sha256.Hex, null, null, ex.Message);
            await custody.AppendAsync(entries.Entry(command.Id.Value, details), cancellationToken);
            throw new RetrievalRefusedException($"Refused: recording {command.Id} no longer matches its SHA-256 or is missing from the vault ({ex.Message}); an integrity incident was logged.");
        }
    }
}

/// <summary>The recording's bytes were destroyed by an approved deletion; only its row and tombstone remain.</summary>
public sealed class RecordingDestroyedException(string message) : Exception(message);

/// <summary>A retrieval was refused (integrity failure or nothing to hand out).</summary>
public sealed class RetrievalRefusedException(string message) : Exception(message);
