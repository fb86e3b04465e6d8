using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Ingestion;
using EvidenceVault.Domain.Ingestion;

namespace EvidenceVault.Cli.Output;

/// <summary>The JSON shapes the CLI prints: stable field names, ISO-8601 times with their offset.</summary>
internal static class Wire
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,

        // Keep Chinese names and paths readable in the output.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string? Time(DateTimeOffset? value) => value?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string Kind<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    public static object Item(IngestItem i) => new
    {
        path = i.Path,
        status = StatusText.Of(i.Status),
        recordingId = i.RecordingId?.Value,
        sha256 = i.Sha256?.Hex,
        sm3 = i.Sm3?.Hex,
        sizeBytes = i.SizeBytes,
        kind = i.Kind is { } k ? Kind(k) : null,
        deviceId = i.Device?.Value,
        officerId = i.Officer?.Value,
        recordedAt = Time(i.RecordedAt),
        mark = i.Mark,
        durationSeconds = i.DurationSeconds,
        playable = i.Playable,
        wiped = i.Wiped,
        reasons = i.Reasons.Select(r => new { code = r.Code, message = r.Message }),
    };

    public static object Recording(RecordingEntry r) => new
    {
        recordingId = r.Id.Value,
        sha256 = r.Sha256.Hex,
        sm3 = r.Sm3?.Hex,
        sizeBytes = r.SizeBytes,
        kind = Kind(r.Kind),
        format = r.Format,
        status = StatusText.Of(r.Status),
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
        },
        reasons = r.Reasons.Select(x => new { code = x.Code, message = x.Message }),
        destroyedAt = Time(r.DestroyedAt),
    };

    public static void Print(object document) => Console.Out.WriteLine(JsonSerializer.Serialize(document, Json));
}
