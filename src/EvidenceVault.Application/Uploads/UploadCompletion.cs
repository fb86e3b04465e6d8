using EvidenceVault.Application.Access;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Hashing;
using EvidenceVault.Application.Ingestion;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Ingestion;
using Mediator;

namespace EvidenceVault.Application.Uploads;

/// <summary>
/// Turns a complete upload into evidence: the whole file must hash to the declared SHA-256 (taken as the bytes arrived,
/// or read again when this process did not see them all), then it goes through the same ingest use case as a docked
/// recorder (one code path: checks, write-once vault, catalog, custody, linking), with the declared digest as its
/// sidecar, except that the received bytes are handed over to the vault (moved, not copied into staging and hashed
/// again). Media work is left to the queue.
/// </summary>
public sealed class UploadCompletion(
    IUploadStore store,
    IMediator mediator,
    UploadGate gate,
    ReceivedDigests digests,
    UploadAttribution attribution,
    ICustodyLog custody,
    CustodyEntries entries)
{
    public async Task<UploadState> FinishAsync(UploadState state, CancellationToken cancellationToken)
    {
        var upload = state.Upload;
        var staged = await store.CompleteAsync(upload.Id, cancellationToken);
        HashedStream received;
        if (digests.Take(upload.Id, upload.Length) is { } seen)
        {
            // Every byte was hashed on its way to the store in this process, so the file need not be read again here.
            received = new HashedStream(upload.Length, seen);
        }
        else if (!await staged.ExistsAsync(cancellationToken))
        {
            // An earlier attempt handed the bytes to the vault and stopped before the catalog write: the vault published
            // them only after they re-read to the declared digest, and the adoption below compares them once more.
            received = new HashedStream(upload.Length, upload.DeclaredSha256);
        }
        else
        {
            // A restart, or chunks that went to other API nodes: read the received bytes once here.
            await using var bytes = await staged.OpenReadAsync(cancellationToken);
            received = await StreamHasher.HashAsync(bytes, null, null, cancellationToken);
        }

        if (received.Sha256 != upload.DeclaredSha256 || received.Length != upload.Length || staged.Length != upload.Length)
        {
            throw await RefuseAsync(state, $"The file received ({received.Length} bytes) hashes to {received.Sha256}, not to the declared {upload.DeclaredSha256}: it was not taken as evidence; upload it again.", cancellationToken);
        }

        var source = new StagedUploadSource(upload, staged, entries.Now);
        Ingested ingested;
        using (await gate.EnterIngestAsync(cancellationToken))
        {
            ingested = await IngestAsync(upload, source, cancellationToken);
        }

        var (item, unfiled) = (ingested.Item, ingested.Unfiled);

        var reasons = string.Join(" ", item.Reasons.Select(r => $"{r.Code}: {r.Message}").Append(unfiled).OfType<string>());
        if (item.Status == IngestStatus.Failed)
        {
            throw new UploadIngestFailedException($"The file arrived complete but could not be secured ({reasons}); send the last request again (an empty PATCH at offset {upload.Length}).");
        }

        if (item.RecordingId is not { } recording)
        {
            throw await RefuseAsync(state, $"The ingest did not keep the file ({StatusText.Of(item.Status)}: {reasons}).", cancellationToken);
        }

        var outcome = new UploadOutcome(StatusText.Of(item.Status), recording.Value, reasons.Length == 0 ? null : reasons);
        await store.RecordOutcomeAsync(upload.Id, outcome, keepBytes: false, cancellationToken);
        var details = new UploadCompletedDetails(recording.Value, outcome.Status, received.Sha256.Hex, received.Length, HandoverText.Of(source.Adoption));
        await custody.AppendAsync(entries.Entry(upload.Id.Value, details), cancellationToken);

        // The bytes are evidence now (unfiled, attributed to the uploader); the filing the upload asked for is what is refused.
        return ingested.Refused is { } refused ? throw refused : state with { Outcome = outcome };
    }

    /// <summary>
    /// The docked-file ingest, or with a case the same ingest plus filing (<c>evidencevault add</c>). A case closed or
    /// gone since the upload began, or one the uploader may not file into, does not lose the file: it is ingested
    /// unfiled and the outcome says why.
    /// </summary>
    private async Task<Ingested> IngestAsync(NewUpload upload, StagedUploadSource source, CancellationToken cancellationToken)
    {
        var options = await attribution.OptionsAsync(upload, cancellationToken);
        string? unfiled = null;
        AccessDeniedException? refused = null;
        if (upload.Case is { } number)
        {
            try
            {
                refused = await attribution.RefuseFilingAsync(number, cancellationToken);
                if (refused is null)
                {
                    var filed = await mediator.Send(new AddRecordCommand(source.Location, number, upload.Stage ?? ProcedureStage.Investigation, upload.DocumentType, options, source), cancellationToken);
                    return new Ingested(filed.Item, null, null);
                }

                unfiled = $"not-filed: {refused.Message}";
            }
            catch (Exception ex) when (ex is CaseConflictException or NotFoundException)
            {
                unfiled = $"not-filed: not filed to case {number}: {ex.Message}";
            }
        }

        var report = await mediator.Send(new IngestSourceCommand(source.Location, options, Source: source), cancellationToken);
        return new Ingested(report.Items.Single(i => i.Path == upload.SafeName), unfiled, refused);
    }

    /// <summary>The bytes stay with the upload until it expires (bytes are never thrown away unseen), but never become evidence.</summary>
    private async Task<UploadRefusedException> RefuseAsync(UploadState state, string reason, CancellationToken cancellationToken)
    {
        var upload = state.Upload;
        await store.RecordOutcomeAsync(upload.Id, new UploadOutcome(UploadOutcome.Refused, null, reason), keepBytes: true, cancellationToken);
        var details = new UploadRefusedDetails(upload.ClientName, upload.Length, upload.DeclaredSha256.Hex, reason);
        await custody.AppendAsync(entries.Entry(upload.Id.Value, details), cancellationToken);
        return new UploadRefusedException(reason);
    }

    /// <summary>The ingest's outcome for the upload, why it was not filed, and the filing refusal to answer with.</summary>
    private sealed record Ingested(IngestItem Item, string? Unfiled, AccessDeniedException? Refused);
}

