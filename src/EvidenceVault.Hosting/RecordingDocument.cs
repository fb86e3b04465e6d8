using System.Globalization;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Domain.Ingestion;

namespace EvidenceVault.Hosting;

/// <summary>The one JSON shape of a recording, shared by the CLI and the HTTP API so both front doors agree.</summary>
public static class RecordingDocument
{
    public static string? Time(DateTimeOffset? value) => value?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string Kind<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    public static object Of(RecordingEntry r) => new
    {
        recordingId = r.Id.Value,
        sha256 = r.Sha256.Hex,
        sm3 = r.Sm3?.Hex,
        sizeBytes = r.SizeBytes,
        kind = Kind(r.Kind),
        format = r.Format,
        status = StatusText.Of(r.Status),
        integrity = Kind(r.Integrity),
        deviceId = r.Device?.Value,
        officerId = r.Officer?.Value,
        recordedAt = Time(r.RecordedAt),
        recordedAtSource = r.RecordedAtSource,
        mark = r.Mark,
        sourcePath = r.SourcePath,
        declaredSha256 = r.DeclaredSha256,
        ingestedAt = Time(r.IngestedAt),
        stationClock = Time(r.StationClock),
        media = new
        {
            state = Kind(r.MediaState),
            durationSeconds = r.DurationSeconds,
            videoCodec = r.VideoCodec,
            audioCodec = r.AudioCodec,
            width = r.Width,
            height = r.Height,
            containerCreatedAt = Time(r.ContainerCreatedAt),
            playable = PlayableState.Of(r),
            thumbnail = r.HasThumbnail,

            // The hover preview needs both halves: the sprite and the cues that place its tiles in time.
            preview = r.Sprite is not null && r.SpriteCues is not null,
        },
        reasons = r.Reasons.Select(x => new { code = x.Code, message = x.Message }),
        destroyedAt = Time(r.DestroyedAt),
    };
}
