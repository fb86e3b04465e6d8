namespace EvidenceVault.Application.Media;

/// <summary>What a probe learned about a media file.</summary>
public sealed record MediaFacts(
    string FormatName,
    TimeSpan? Duration,
    VideoFacts? Video,
    AudioFacts? Audio,
    DateTimeOffset? CreationTime)
{
    public bool HasVideo => Video is not null;

    public bool HasAudio => Audio is not null;
}

/// <summary>The primary video stream. A single still image (JPEG, PNG) also reports as video.</summary>
public sealed record VideoFacts(string Codec, int Width, int Height, string? PixelFormat, double? FrameRate);

/// <summary>The primary audio stream.</summary>
public sealed record AudioFacts(string Codec, int? SampleRate, int? Channels);
