using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Fixity;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Redaction;
using Mediator;

namespace EvidenceVault.Application.Redaction;

/// <summary>
/// Writes a redacted copy to a new file, after comparing its bytes with the SHA-256 recorded when it was made; withheld when
/// they differ, with an integrity incident like any damaged derivative. Under access control the actor needs the recording to be their own or an active grant covering it.
/// </summary>
public sealed record RetrieveRedactionCommand(RecordingId Recording, RedactionId Id, string OutputPath, RetrievalId? Grant = null) : ICommand<RetrievalResult>;

public sealed class RetrieveRedactionHandler(IRedactionStore store, RetrievalGate gate, RedactedCopies copies, IntegrityIncidents incidents, ICustodyLog custody, CustodyEntries entries)
    : ICommandHandler<RetrieveRedactionCommand, RetrievalResult>
{
    public const string Target = "redaction";

    public async ValueTask<RetrievalResult> Handle(RetrieveRedactionCommand command, CancellationToken cancellationToken)
    {
        var redaction = await store.FindAsync(command.Id, cancellationToken) is { } found && found.Recording == command.Recording
            ? found
            : throw new NotFoundException($"Recording {command.Recording} has no redacted copy {command.Id}.");
        var (recording, grant) = await gate.AdmitAsync(redaction.Recording, command.Grant, cancellationToken, redactedCopy: true);
        var partial = command.OutputPath + ".partial";
        FixityResult result;
        await using (var output = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20, FileOptions.Asynchronous))
        {
            result = await copies.CheckAsync(redaction, output, cancellationToken);
        }

        if (result.State != FixityState.Intact)
        {
            File.Delete(partial);
            await incidents.RaiseAsync(recording, result, "retrieval", cancellationToken);
            var read = result.Actual is null ? "it is missing from the vault" : $"read {result.Actual}";
            throw new RetrievalRefusedException($"Refused: redacted copy {command.Id} of recording {redaction.Recording} no longer matches its SHA-256 (expected {redaction.Copy.Sha256}, {read}); an integrity incident was logged; make it again from the spec.", isIntegrityFailure: true);
        }

        File.Move(partial, command.OutputPath, overwrite: false);
        var details = new RecordingRetrievedDetails(Target, redaction.Copy.Sha256.Hex, redaction.Copy.Length, grant?.Id.ToString()) { Redaction = command.Id.ToString() };
        await custody.AppendAsync(entries.Entry(redaction.Recording.Value, details), cancellationToken);
        return new RetrievalResult(command.OutputPath, redaction.Copy.Length, redaction.Copy.Sha256.Hex);
    }
}
