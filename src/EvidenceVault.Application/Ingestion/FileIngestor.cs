using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Hashing;
using EvidenceVault.Application.Sources;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Ingestion;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Ingestion;

/// <summary>
/// Secures one source file: stage (copy + hash in one pass), check, store write-once, verify, catalog,
/// and only then (when asked) wipe the device copy. Each step is idempotent, so a crash anywhere is
/// repaired by running the same ingest again.
/// </summary>
public sealed class FileIngestor(
    IVault vault,
    ICatalog catalog,
    StagingArea staging,
    ProvenanceResolver provenance,
    SourceWiper wiper,
    CustodyEntries custody,
    TimeProvider time)
{
    /// <summary>Both stages back to back, for one file on its own.</summary>
    public async Task<IngestItem> IngestAsync(IRecorderSource source, SourceEntry entry, SidecarLookup sidecars, IngestOptions options, CancellationToken cancellationToken) =>
        await CommitAsync(source, await StageAsync(source, entry, options, cancellationToken), sidecars, options, cancellationToken);

    /// <summary>
    /// Stage 1, the only one that reads the device: copy into staging while hashing, and make sure the file
    /// did not change meanwhile. Returns a finished item instead when there is nothing to commit.
    /// </summary>
    public async Task<StagedSource> StageAsync(IRecorderSource source, SourceEntry entry, IngestOptions options, CancellationToken cancellationToken)
    {
        var path = entry.RelativePath;
        if (entry.Type == SourceEntryType.Unreadable)
        {
            return StagedSource.Done(entry, IngestItem.Classified(path, IngestStatus.Failed, 0, new Reason(ReasonCodes.SourceUnreadable, entry.Problem ?? "The entry cannot be read.")));
        }

        if (entry.Type == SourceEntryType.Special)
        {
            return StagedSource.Done(entry, IngestItem.Classified(path, IngestStatus.Rejected, 0, new Reason(ReasonCodes.NotARegularFile, entry.Problem ?? "Not a regular file.")));
        }

        if (entry.Length == 0)
        {
            return StagedSource.Done(entry, Empty(path));
        }

        if (!options.ComputeSm3 && source is IHandOverSource handOver && handOver.HandOver(entry) is { } handed)
        {
            // Hashed as it arrived: no staging copy and no second hash; the vault re-reads it once as it adopts it.
            return new StagedSource(entry, null, new CopyResult(handed.Length, handed.Sha256, null, []), null) { HandedOver = handed };
        }

        var stagedPath = staging.NewFilePath();
        CopyResult copy;
        try
        {
            await using var input = await source.OpenReadAsync(entry, cancellationToken);
            copy = await HashingCopier.CopyToNewFileAsync(input, stagedPath, options.ComputeSm3, cancellationToken);
        }
        catch (SourceChangedException ex)
        {
            StagingArea.DeleteIfExists(stagedPath);
            return StagedSource.Done(entry, Changed(path, entry.Length, ex.Message));
        }
        catch (DestinationWriteException ex)
        {
            StagingArea.DeleteIfExists(stagedPath);
            return StagedSource.Done(entry, IngestItem.Classified(path, IngestStatus.Failed, entry.Length, new Reason(
                ReasonCodes.StagingWriteFailed, $"Writing the staging copy failed ({ex.InnerException?.Message}); the file is left on the device untouched, free space or fix staging and ingest again.")));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            StagingArea.DeleteIfExists(stagedPath);
            return StagedSource.Done(entry, IngestItem.Classified(path, IngestStatus.Failed, entry.Length, new Reason(ReasonCodes.SourceUnreadable, $"Reading the source failed: {ex.Message}")));
        }

        var after = await source.RefreshAsync(entry, cancellationToken);
        if (after.Identity != entry.Identity)
        {
            // The bytes copied are the listed file's, but a later wipe would delete whatever now sits at the path.
            StagingArea.DeleteIfExists(stagedPath);
            return StagedSource.Done(entry, Changed(path, copy.Length, "Another file was put at this path while it was copied."));
        }

        if (after.Length != entry.Length || after.LastWriteTime != entry.LastWriteTime || copy.Length != entry.Length || copy.Length == 0)
        {
            StagingArea.DeleteIfExists(stagedPath);
            return StagedSource.Done(entry, copy.Length == 0 && after.Length == 0 ? Empty(path) : IngestItem.Classified(path, IngestStatus.Failed, copy.Length, new Reason(
                ReasonCodes.FileStillGrowing,
                $"The file changed while it was copied ({entry.Length} -> {after.Length} bytes); it is left on the device untouched, ingest again when recording has stopped.")));
        }

        return new StagedSource(entry, stagedPath, copy, null);
    }

    /// <summary>
    /// Stage 2, which never touches the device until a verified wipe: check, store write-once, verify,
    /// catalog. It can run while the next file is being staged.
    /// </summary>
    public async Task<IngestItem> CommitAsync(IRecorderSource source, StagedSource staged, SidecarLookup sidecars, IngestOptions options, CancellationToken cancellationToken)
    {
        if (staged.Finished is { } finished)
        {
            return finished;
        }

        if (staged.HandedOver is { } handed)
        {
            return await AdoptAsync((IHandOverSource)source, staged.Entry, handed, sidecars, options, cancellationToken);
        }

        try
        {
            return await SecureAsync(source, staged.Entry, staged.Path!, staged.Copy!, sidecars, options, cancellationToken);
        }
        finally
        {
            StagingArea.DeleteIfExists(staged.Path!);
        }
    }

    private async Task<IngestItem> SecureAsync(IRecorderSource source, SourceEntry entry, string stagedPath, CopyResult copy, SidecarLookup sidecars, IngestOptions options, CancellationToken cancellationToken)
    {
        var path = entry.RelativePath;
        var (declared, sidecarPresent) = await sidecars.ReadDeclaredAsync(path, cancellationToken);
        var verdict = ContentChecks.Inspect(Path.GetFileName(path), copy, stagedPath, declared, sidecarPresent);

        try
        {
            await vault.PutOriginalAsync(copy.Sha256, new StagedFile(stagedPath, copy.Length), cancellationToken);
            var stored = await vault.GetOriginalInfoAsync(copy.Sha256, cancellationToken);
            if (stored is null || stored.Length != copy.Length || (stored.DeclaredDigest is { } d && d != copy.Sha256))
            {
                return Failure(path, copy, $"The vault copy could not be verified after writing (found {stored?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"}).");
            }
        }
        catch (VaultException ex)
        {
            return Failure(path, copy, ex.Message);
        }

        var item = await CatalogAsync(entry, copy, verdict, options, cancellationToken);
        return options.WipeAfterVerify && item.Status != IngestStatus.Failed
            ? await wiper.WipeAsync(source, entry, sidecars, item, cancellationToken)
            : item;
    }

    /// <summary>
    /// Stage 2 for handed-over bytes: the same checks (read where the bytes are), then the vault adopts them (verified
    /// by one re-read), then the same catalog write. After a crash between the adoption and the catalog write the bytes
    /// are already in the vault: the checks read them there and the adoption finds them present.
    /// </summary>
    private async Task<IngestItem> AdoptAsync(IHandOverSource source, SourceEntry entry, IStagedObject handed, SidecarLookup sidecars, IngestOptions options, CancellationToken cancellationToken)
    {
        var path = entry.RelativePath;
        var copy = new CopyResult(handed.Length, handed.Sha256, null, []);
        ContentVerdict verdict;
        try
        {
            var (declared, sidecarPresent) = await sidecars.ReadDeclaredAsync(path, cancellationToken);
            await using (var checkout = await handed.ExistsAsync(cancellationToken) ? null : await vault.CheckoutOriginalAsync(handed.Sha256, cancellationToken))
            await using (var bytes = checkout is null ? await handed.OpenReadAsync(cancellationToken) : File.OpenRead(checkout.Path))
            {
                copy = copy with { Header = await ReadHeaderAsync(bytes, cancellationToken) };
                verdict = ContentChecks.Inspect(Path.GetFileName(path), copy, bytes, declared, sidecarPresent);
            }

            source.Adopted(entry, await vault.AdoptOriginalAsync(handed, cancellationToken));
        }
        catch (VaultException ex)
        {
            return Failure(path, copy, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failure(path, copy, $"The received bytes could not be read: {ex.Message}");
        }

        var item = await CatalogAsync(entry, copy, verdict, options, cancellationToken);
        return options.WipeAfterVerify && item.Status != IngestStatus.Failed
            ? await wiper.WipeAsync(source, entry, sidecars, item, cancellationToken)
            : item;
    }

    /// <summary>The first bytes for the content sniffer; the stream is put back at its start for the container checks.</summary>
    private static async Task<byte[]> ReadHeaderAsync(Stream bytes, CancellationToken cancellationToken)
    {
        var header = new byte[ContentSniffer.HeaderLength];
        var read = await bytes.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        bytes.Position = 0;
        return header[..read];
    }

    private async Task<IngestItem> CatalogAsync(SourceEntry entry, CopyResult copy, ContentVerdict verdict, IngestOptions options, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var origin = await provenance.ResolveAsync(entry.RelativePath, options, verdict.ContainerCreatedAt, entry.LastWriteTime, cancellationToken);
        var reasons = SourceNameCheck.Check(entry.RelativePath).Concat(verdict.Problems).Concat(origin.Notes).ToList();
        if (origin.RecordedAt is { } made && now - made > options.LateUploadAfter)
        {
            reasons.Add(new Reason(ReasonCodes.LateUpload, $"Docked {(now - made).TotalHours:0} h after it was recorded (the rule is {options.LateUploadAfter.TotalHours:0} h)."));
        }

        var hasMediaWork = verdict.Content.Kind is RecordingKind.Video or RecordingKind.Audio or RecordingKind.Photo && !verdict.MediaUnusable;
        var candidate = new RecordingEntry
        {
            Id = RecordingId.For(copy.Sha256),
            Sha256 = copy.Sha256,
            Sm3 = copy.Sm3,
            SizeBytes = copy.Length,
            Kind = verdict.Content.Kind,
            Format = verdict.Content.Format,
            Device = origin.Device,
            Officer = origin.Officer,
            RecordedAt = origin.RecordedAt,
            RecordedAtSource = origin.RecordedAtSource,
            Mark = origin.Mark,
            SourcePath = entry.RelativePath,
            DeclaredSha256 = verdict.Declared?.Hex,
            IngestedAt = now,
            StationClock = time.GetLocalNow(),
            Status = verdict.Problems.Count > 0 ? IngestStatus.Quarantined : IngestStatus.Stored,
            Reasons = reasons,
            MediaState = hasMediaWork ? MediaState.Pending : MediaState.NotApplicable,
            ContainerCreatedAt = verdict.ContainerCreatedAt,
        };

        // Stored or duplicate is decided inside the write transaction from what the insert found, never from a look beforehand.
        var sourceKey = $"{origin.Device?.Value}|{entry.RelativePath}";
        var decision = new SightingDecision(candidate, origin, options.Uploader is not null, sourceKey, hasMediaWork, custody);
        var written = await catalog.RecordIngestAsync(candidate, decision.Decide, cancellationToken);
        var recording = written.Recording;
        return new IngestItem
        {
            Path = entry.RelativePath,
            Status = StatusText.Parse(written.Sighting.Status),
            RecordingId = recording.Id,
            Sha256 = copy.Sha256,
            Sm3 = copy.Sm3 ?? recording.Sm3,
            SizeBytes = copy.Length,
            Kind = recording.Kind,
            Device = recording.Device,
            Officer = recording.Officer,
            RecordedAt = recording.RecordedAt,
            Mark = recording.Mark,
            DurationSeconds = recording.DurationSeconds,
            Playable = PlayableState.Of(recording),
            Reasons = reasons,
        };
    }

    private static IngestItem Empty(string path) =>
        IngestItem.Classified(path, IngestStatus.Rejected, 0, new Reason(ReasonCodes.EmptyFile, "The file is empty (0 bytes): there is nothing to keep."));

    private static IngestItem Changed(string path, long size, string message) =>
        IngestItem.Classified(path, IngestStatus.Failed, size, new Reason(ReasonCodes.SourceChanged, $"{message} Nothing was stored; the device is left untouched."));

    private static IngestItem Failure(string path, CopyResult copy, string message) => new()
    {
        Path = path,
        Status = IngestStatus.Failed,
        Sha256 = copy.Sha256,
        SizeBytes = copy.Length,
        Reasons = [new Reason(ReasonCodes.VaultWriteFailed, message)],
    };
}
