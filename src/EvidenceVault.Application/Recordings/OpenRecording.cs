using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;
using Mediator;

namespace EvidenceVault.Application.Recordings;

/// <summary>
/// Opens a recording's original or derivative for streaming without copying it per request: the stored write-once file is
/// hashed through one handle and that same handle, rewound, is handed out, so no byte leaves unverified. Within
/// <see cref="Retrieval.RetrievalLimits.VerifiedFor"/> of a verification further requests (a player's seeks) reuse it.
/// A vault whose streams cannot seek is copied to <see cref="SpoolPath"/> while hashed, and the copy is handed out.
/// Same access rules, refusals and custody entry as <see cref="RetrieveRecordingCommand"/>.
/// </summary>
public sealed record OpenRecordingCommand(RecordingId Id, RetrievalTarget Target, string SpoolPath, RetrievalId? Grant = null) : ICommand<OpenedRecording>;

/// <summary>The verified bytes, at their start; the caller disposes <see cref="Content"/>.</summary>
public sealed record OpenedRecording(Stream Content, long Length, string Sha256);

public sealed class OpenRecordingHandler(
    RetrievalGate gate,
    IVault vault,
    OriginalFixity originals,
    DerivativeFixity derivatives,
    VerificationCache verified,
    ICustodyLog custody,
    CustodyEntries entries)
    : ICommandHandler<OpenRecordingCommand, OpenedRecording>
{
    public async ValueTask<OpenedRecording> Handle(OpenRecordingCommand command, CancellationToken cancellationToken)
    {
        var (recording, grant) = await gate.AdmitAsync(command.Id, command.Grant, cancellationToken);
        var (content, verification) = await ReuseAsync(recording, command.Target, cancellationToken) ?? await VerifyAsync(recording, command, cancellationToken);
        try
        {
            var details = new RecordingRetrievedDetails(command.Target.Name(), verification.Sha256, verification.Length, grant?.Id.ToString())
            {
                VerifiedAt = verification.At,
            };
            await custody.AppendAsync(entries.Entry(command.Id.Value, details), cancellationToken);
            return new OpenedRecording(content, verification.Length, verification.Sha256);
        }
        catch
        {
            await content.DisposeAsync();
            throw;
        }
    }

    /// <summary>The stored handle, unhashed, when the same target verified moments ago and still has the length it had.</summary>
    private async Task<(Stream, Verification)?> ReuseAsync(RecordingEntry recording, RetrievalTarget target, CancellationToken cancellationToken)
    {
        if (verified.Find(recording.Id, target) is not { } known)
        {
            return null;
        }

        var stored = await OpenStoredAsync(recording, target, cancellationToken);
        if (stored is { CanSeek: true } && stored.Length == known.Length)
        {
            return (stored, known);
        }

        if (stored is not null)
        {
            await stored.DisposeAsync();
        }

        verified.Forget(recording.Id);
        return null;
    }

    private async Task<(Stream, Verification)> VerifyAsync(RecordingEntry recording, OpenRecordingCommand command, CancellationToken cancellationToken)
    {
        var spooled = false;
        Stream Spool()
        {
            spooled = true;
            return new FileStream(command.SpoolPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        }

        await using var read = command.Target.Derivative() is { } kind
            ? await derivatives.ReadVerifiedAsync(recording, kind, Spool, cancellationToken)
            : await originals.ReadVerifiedAsync(recording, Spool, cancellationToken);
        if (read?.TakeContent() is not { } content)
        {
            throw await gate.RefuseAsync(recording, command.Target, read?.Result, cancellationToken);
        }

        var sha256 = read.Result.Actual!;
        var verification = spooled
            ? new Verification(sha256, content.Length, entries.Now)
            : verified.Remember(recording.Id, command.Target, sha256, content.Length);
        return (content, verification);
    }

    private async Task<Stream?> OpenStoredAsync(RecordingEntry recording, RetrievalTarget target, CancellationToken cancellationToken)
    {
        try
        {
            return target.Derivative() is { } kind
                ? await vault.OpenDerivativeAsync(recording.Sha256, kind, cancellationToken)
                : await vault.OpenOriginalAsync(recording.Sha256, cancellationToken);
        }
        catch (VaultObjectMissingException)
        {
            return null;
        }
    }
}
