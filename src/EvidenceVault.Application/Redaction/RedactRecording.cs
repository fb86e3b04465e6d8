using System.Security.Cryptography;
using System.Text;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Fixity;
using EvidenceVault.Application.Ingestion;
using EvidenceVault.Application.Media;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Redaction;
using Mediator;

namespace EvidenceVault.Application.Redaction;

/// <summary>
/// Makes a redacted copy of a recording from a JSON spec (<see cref="RedactionSpec"/>): a derivative linked to the original by
/// its SHA-256, stored under its own SHA-256 and recorded with its lineage. Only someone who may have the recording's bytes
/// (their own, or under an active grant) may redact it. The original is verified first and only ever read.
/// </summary>
public sealed record RedactRecordingCommand(RecordingId Id, string Spec, RetrievalId? Grant = null) : ICommand<RecordingRedaction>;

public sealed class RedactRecordingHandler(
    RetrievalGate gate,
    OriginalFixity originals,
    IntegrityIncidents incidents,
    IVault vault,
    IVaultRedactions copies,
    IMediaProbe probe,
    IMediaRedactor redactor,
    StagingArea staging,
    IRedactionStore store,
    CustodyEntries entries)
    : ICommandHandler<RedactRecordingCommand, RecordingRedaction>
{
    public async ValueTask<RecordingRedaction> Handle(RedactRecordingCommand command, CancellationToken cancellationToken)
    {
        // Access comes first, so a refused attempt is in the ledger whatever its spec says. Redacting reads the original, so a
        // grant for redacted copies only does not admit it: its holder must not choose what stays visible.
        var (recording, grant) = await gate.AdmitAsync(command.Id, command.Grant, cancellationToken);
        if (recording.Kind is not (RecordingKind.Video or RecordingKind.Audio))
        {
            throw new RedactionSpecException($"Recording {command.Id} is {recording.Kind.ToString().ToLowerInvariant()}; only video and audio recordings have redacted copies.");
        }

        // Its length is bounded like every document a command carries (TextLimits.Document).
        var spec = RedactionSpec.Parse(command.Spec);

        // A copy is only as good as what it is made from: a damaged original makes none.
        var original = await originals.CheckAsync(recording, null, null, cancellationToken);
        if (original.State != FixityState.Intact)
        {
            await incidents.RaiseAsync(recording, original, "redact", cancellationToken);
            throw new RetrievalRefusedException($"Refused: the original of recording {command.Id} is {original.State.ToString().ToLowerInvariant()} in the vault; no redacted copy is made from it. An integrity incident was logged.", isIntegrityFailure: true);
        }

        await using var input = await vault.CheckoutOriginalAsync(recording.Sha256, cancellationToken);
        var facts = await probe.ProbeAsync(input.Path, cancellationToken);
        spec.CheckFits(facts.Video?.Width, facts.Video?.Height, facts.Duration?.TotalSeconds, facts.HasAudio);
        var tool = await redactor.DescribeToolAsync(cancellationToken);
        var output = staging.NewFilePath(".mp4");
        DerivativeDigest copy;
        try
        {
            await redactor.CreateRedactionAsync(input.Path, output, spec, facts, cancellationToken);
            copy = await DerivativeStore.HashFileAsync(output, cancellationToken);
            await copies.PutRedactionAsync(recording.Sha256, copy.Sha256, new StagedFile(output, copy.Length), cancellationToken);
        }
        finally
        {
            StagingArea.DeleteIfExists(output);
        }

        var specSha256 = Sha256Digest.FromBytes(SHA256.HashData(Encoding.UTF8.GetBytes(command.Spec)));
        return await store.CreateAsync(
            id => new RecordingRedaction(id, recording.Id, recording.Sha256, command.Spec, specSha256, tool, copy, entries.Actor, entries.Now),
            made => entries.Entry(recording.Id.Value, new RecordingRedactedDetails(made.Id.ToString(), made.Source.Hex, made.SpecSha256.Hex, made.Tool, made.Copy.Sha256.Hex, made.Copy.Length)
            {
                Grant = grant?.Id.ToString(),
            }),
            cancellationToken);
    }
}
