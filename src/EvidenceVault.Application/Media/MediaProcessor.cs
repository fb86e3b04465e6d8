using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Ingestion;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Ingestion;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Media;

/// <summary>
/// Media work for one recording: probe, proxy, thumbnail, preview sprite and its cues. It only ever reads the original; its
/// outputs are derivatives linked by the original's hash. Unreadable media quarantines the recording
/// (the bytes stay); tool or storage trouble is retried later by the job queue.
/// </summary>
public sealed class MediaProcessor(
    IVault vault,
    ICatalog catalog,
    IMediaProbe probe,
    DerivativeStore derivatives,
    StagingArea staging,
    CustodyEntries custody)
{
    public async Task<RecordingEntry> ProcessAsync(RecordingEntry recording, CancellationToken cancellationToken)
    {
        if (recording.MediaState != MediaState.Pending)
        {
            // A job run again after its result was recorded (a worker killed before completing the job): nothing to do.
            return recording;
        }

        await using var original = await vault.CheckoutOriginalAsync(recording.Sha256, cancellationToken);
        MediaFacts facts;
        try
        {
            facts = await probe.ProbeAsync(original.Path, cancellationToken);
            recording = WithFacts(recording, facts);
            recording = await MakeDerivativesAsync(recording, facts, original.Path, cancellationToken);
        }
        catch (MediaUnreadableException ex)
        {
            return await QuarantineAsync(recording, ex, cancellationToken);
        }

        var done = recording with { MediaState = MediaState.Done };
        var details = new MediaProcessedDetails(done.Kind.ToString().ToLowerInvariant(), done.DurationSeconds, done.HasProxy, done.HasThumbnail, AttributedFacts.Of(done))
        {
            ProxySha256 = done.Proxy?.Sha256.Hex,
            ThumbnailSha256 = done.Thumbnail?.Sha256.Hex,
            SpriteSha256 = done.Sprite?.Sha256.Hex,
            SpriteCuesSha256 = done.SpriteCues?.Sha256.Hex,
        };
        await catalog.UpdateAfterMediaAsync(done, custody.Entry(done.Id.Value, details), cancellationToken);
        return done;
    }

    /// <summary>Records that media work gave up on a recording after its last retry.</summary>
    public async Task GiveUpAsync(RecordingEntry recording, string error, CancellationToken cancellationToken)
    {
        var failed = recording with
        {
            MediaState = MediaState.Failed,
            Reasons = [.. recording.Reasons, new Reason(ReasonCodes.MediaProcessingFailed, error)],
        };
        await catalog.UpdateAfterMediaAsync(failed, custody.Entry(failed.Id.Value, new MediaFailedDetails(error)), cancellationToken);
    }

    private async Task<RecordingEntry> MakeDerivativesAsync(RecordingEntry recording, MediaFacts facts, string input, CancellationToken cancellationToken)
    {
        foreach (var kind in DerivativeStore.For(recording.Kind, facts))
        {
            var output = staging.NewFilePath(DerivativeStore.Extension(kind));
            try
            {
                await derivatives.MakeAsync(kind, input, facts, output, cancellationToken);
                recording = recording.WithDerivative(kind, await derivatives.StoreAsync(recording.Sha256, kind, output, cancellationToken));
            }
            finally
            {
                StagingArea.DeleteIfExists(output);
            }
        }

        return recording;
    }

    private static RecordingEntry WithFacts(RecordingEntry recording, MediaFacts facts)
    {
        // An MP4 that holds only sound is an audio recording, whatever its container says.
        var kind = recording.Kind == RecordingKind.Video && !facts.HasVideo && facts.HasAudio ? RecordingKind.Audio : recording.Kind;
        var timeFromContainer = recording.RecordedAtSource == RecordedTimeSource.FileSystem && facts.CreationTime is not null;
        return recording with
        {
            Kind = kind,
            DurationSeconds = kind == RecordingKind.Photo ? null : facts.Duration?.TotalSeconds is { } s ? Math.Round(s, 3) : null,
            VideoCodec = facts.Video?.Codec,
            AudioCodec = facts.Audio?.Codec,
            Width = facts.Video?.Width,
            Height = facts.Video?.Height,
            ContainerCreatedAt = facts.CreationTime ?? recording.ContainerCreatedAt,
            RecordedAt = timeFromContainer ? facts.CreationTime : recording.RecordedAt,
            RecordedAtSource = timeFromContainer ? RecordedTimeSource.Container : recording.RecordedAtSource,
            Reasons = timeFromContainer ? [.. recording.Reasons.Where(r => r.Code != ReasonCodes.TimeFromFileSystem)] : recording.Reasons,
        };
    }

    private async Task<RecordingEntry> QuarantineAsync(RecordingEntry recording, MediaUnreadableException ex, CancellationToken cancellationToken)
    {
        var message = $"{ex.Tool} cannot read the media: {ex.ErrorTail ?? ex.Message}".Trim();
        // Derivatives made before the failure are not recorded: the quarantine entry names none.
        var quarantined = recording.WithoutDerivatives() with
        {
            Status = IngestStatus.Quarantined,
            MediaState = MediaState.Failed,
            Reasons = [.. recording.Reasons, new Reason(ReasonCodes.UnreadableMedia, message)],
        };
        var details = RecordingQuarantinedDetails.Unreadable(ReasonCodes.UnreadableMedia, message);
        await catalog.UpdateAfterMediaAsync(quarantined, custody.Entry(quarantined.Id.Value, details), cancellationToken);
        return quarantined;
    }
}
