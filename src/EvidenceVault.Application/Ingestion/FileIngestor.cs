using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Hashing;
using EvidenceVault.Application.Registry;
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
    IRegistry registry,
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

        if (entry.Length == 0)
        {
            return StagedSource.Done(entry, Empty(path));
        }

        var stagedPath = staging.NewFilePath();
        CopyResult copy;
        try
        {
            await using var input = await source.OpenReadAsync(entry, cancellationToken);
            copy = await HashingCopier.CopyToNewFileAsync(input, stagedPath, options.ComputeSm3, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            StagingArea.DeleteIfExists(stagedPath);
            return StagedSource.Done(entry, IngestItem.Classified(path, IngestStatus.Failed, entry.Length, new Reason(ReasonCodes.SourceUnreadable, $"Reading the source failed: {ex.Message}")));
        }

        var after = await source.RefreshAsync(entry, cancellationToken);
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

    private async Task<IngestItem> CatalogAsync(SourceEntry entry, CopyResult copy, ContentVerdict verdict, IngestOptions options, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var origin = await WithBoundOfficerAsync(provenance.Resolve(entry.RelativePath, options, verdict.ContainerCreatedAt, entry.LastWriteTime), cancellationToken);
        var reasons = SourceNameCheck.Check(entry.RelativePath).Concat(verdict.Problems).Concat(origin.Notes).ToList();
        if (origin.RecordedAt is { } made && now - made > options.LateUploadAfter)
        {
            reasons.Add(new Reason(ReasonCodes.LateUpload, $"Docked {(now - made).TotalHours:0} h after it was recorded (the rule is {options.LateUploadAfter.TotalHours:0} h)."));
        }

        var id = RecordingId.For(copy.Sha256);
        var sourceKey = $"{origin.Device?.Value}|{entry.RelativePath}";
        var existing = await catalog.FindByDigestAsync(copy.Sha256, cancellationToken);
        var status = existing is not null
            ? await catalog.HasSightingAsync(copy.Sha256, sourceKey, cancellationToken) ? IngestStatus.AlreadyIngested : IngestStatus.Duplicate
            : verdict.Problems.Count > 0 ? IngestStatus.Quarantined : IngestStatus.Stored;
        var hasMediaWork = verdict.Content.Kind is RecordingKind.Video or RecordingKind.Audio or RecordingKind.Photo && !verdict.MediaUnusable;
        var recording = existing ?? new RecordingEntry
        {
            Id = id,
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
            Status = status,
            Reasons = reasons,
            MediaState = hasMediaWork ? MediaState.Pending : MediaState.NotApplicable,
            ContainerCreatedAt = verdict.ContainerCreatedAt,
        };

        var sighting = new Sighting(id, sourceKey, entry.RelativePath, StatusText.Of(status), now);
        await catalog.RecordIngestAsync(recording, sighting, existing is null && hasMediaWork, IngestEntry(existing is not null, recording, entry.RelativePath, status, reasons, copy) with { At = now }, cancellationToken);

        return new IngestItem
        {
            Path = entry.RelativePath,
            Status = status,
            RecordingId = id,
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

    /// <summary>The custody entry of one sighting: a new recording carries the facts its row was given.</summary>
    private CustodyEntry IngestEntry(bool seenBefore, RecordingEntry recording, string path, IngestStatus status, IReadOnlyList<Reason> reasons, CopyResult copy)
    {
        var (text, sha256, codes) = (StatusText.Of(status), copy.Sha256.Hex, reasons.Select(r => r.Code).ToList());
        return seenBefore ? custody.Entry(recording.Id.Value, new RecordingSightedDetails(path, text, sha256, copy.Length, codes))
            : status == IngestStatus.Quarantined
                ? custody.Entry(recording.Id.Value, new RecordingQuarantinedDetails(path, text, sha256, copy.Length, codes, copy.Sm3?.Hex, AttributedFacts.Of(recording), null, null))
                : custody.Entry(recording.Id.Value, new RecordingIngestedDetails(path, text, sha256, copy.Length, codes, copy.Sm3?.Hex, AttributedFacts.Of(recording)));
    }

    /// <summary>When the name carries no officer, the officer the device was assigned to at the recording time.</summary>
    private async Task<Provenance> WithBoundOfficerAsync(Provenance origin, CancellationToken cancellationToken)
    {
        if (origin.Officer is not null || origin.Device is not { } device || origin.RecordedAt is not { } at)
        {
            return origin;
        }

        var binding = (await registry.BindingsAsync(device, cancellationToken)).FirstOrDefault(b => b.InForceAt(at));
        return binding is null ? origin : origin with { Officer = binding.Officer };
    }

    private static IngestItem Empty(string path) =>
        IngestItem.Classified(path, IngestStatus.Rejected, 0, new Reason(ReasonCodes.EmptyFile, "The file is empty (0 bytes): there is nothing to keep."));

    private static IngestItem Failure(string path, CopyResult copy, string message) => new()
    {
        Path = path,
        Status = IngestStatus.Failed,
        Sha256 = copy.Sha256,
        SizeBytes = copy.Length,
        Reasons = [new Reason(ReasonCodes.VaultWriteFailed, message)],
    };
}
