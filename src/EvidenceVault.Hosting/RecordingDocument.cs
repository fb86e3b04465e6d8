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

    public static RecordingJson Of(RecordingEntry r) => new(
        r.Id.Value,
        r.Sha256.Hex,
        r.Sm3?.Hex,
        r.SizeBytes,
        Kind(r.Kind),
        r.Format,
        StatusText.Of(r.Status),
        Kind(r.Integrity),
        r.Device?.Value,
        r.Officer?.Value,
        Time(r.RecordedAt),
        r.RecordedAtSource,
        r.Mark,
        r.SourcePath,
        r.DeclaredSha256,
        Time(r.IngestedAt),
        Time(r.StationClock),
        new MediaJson(
            Kind(r.MediaState),
            r.DurationSeconds,
            r.VideoCodec,
            r.AudioCodec,
            r.Width,
            r.Height,
            Time(r.ContainerCreatedAt),
            PlayableState.Of(r),
            r.HasThumbnail,

            // The hover preview needs both halves: the sprite and the cues that place its tiles in time.
            r.Sprite is not null && r.SpriteCues is not null),
        [.. r.Reasons.Select(ReasonJson.Of)],
        Time(r.DestroyedAt));
}
