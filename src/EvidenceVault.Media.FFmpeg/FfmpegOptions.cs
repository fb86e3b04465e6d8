namespace EvidenceVault.Media.FFmpeg;

/// <summary>Where ffmpeg/ffprobe live and how long each kind of run may take.</summary>
public sealed class FfmpegOptions
{
    /// <summary>
    /// Absolute folder holding <c>ffmpeg</c> and <c>ffprobe</c>. Checked before every run, because FFMpegCore
    /// silently falls back to whatever <c>ffmpeg</c> is on PATH when the folder is wrong.
    /// </summary>
    public string BinaryFolder { get; set; } = "/usr/bin";

    /// <summary>Time budget for one ffprobe run (and for <c>ffmpeg -version</c>).</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Fixed part of a proxy run's budget; covers process start and short clips.</summary>
    public TimeSpan ProxyTimeoutMinimum { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Budget per second of media on top of the minimum. 2x realtime is generous: a 1080p transcode runs
    /// about 7x realtime on two cores, so only a stuck or starved ffmpeg hits it.
    /// </summary>
    public double ProxyTimeoutPerMediaSecond { get; set; } = 2.0;

    /// <summary>Time budget for one thumbnail run.</summary>
    public TimeSpan ThumbnailTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Budget per second of media for the preview sprite on top of <see cref="ProxyTimeoutMinimum"/>: the whole video is
    /// decoded once, as for a transcode, but nothing is encoded beyond one small JPEG.
    /// </summary>
    public double SpriteTimeoutPerMediaSecond { get; set; } = 1.0;

    /// <summary>
    /// How finely a moving redaction box is followed: it is drawn as still pieces at most this long, each covering the box
    /// throughout (so a fast box is covered by a larger piece, never missed). Shorter is tighter and makes more filters.
    /// </summary>
    public TimeSpan RedactionMotionStep { get; set; } = TimeSpan.FromSeconds(0.2);

    /// <summary>The budget for the preview sprite of media lasting <paramref name="mediaDuration"/>.</summary>
    public TimeSpan SpriteTimeoutFor(TimeSpan mediaDuration) =>
        ProxyTimeoutMinimum + ((mediaDuration > TimeSpan.Zero ? mediaDuration : TimeSpan.Zero) * SpriteTimeoutPerMediaSecond);

    /// <summary>The budget for a proxy of media lasting <paramref name="mediaDuration"/> (minimum only when unknown).</summary>
    public TimeSpan ProxyTimeoutFor(TimeSpan? mediaDuration)
    {
        var media = mediaDuration is { } d && d > TimeSpan.Zero ? d : TimeSpan.Zero;
        return ProxyTimeoutMinimum + (media * ProxyTimeoutPerMediaSecond);
    }
}
