namespace EvidenceVault.Application.Media;

/// <summary>How a proxy is made: remux when the original already plays in a browser, otherwise transcode.</summary>
public enum ProxyMethod
{
    /// <summary>Copy the streams into a faststart MP4 (a fraction of a second).</summary>
    Remux,

    /// <summary>Re-encode to H.264/AAC, scaled down to <see cref="ProxyPlan.MaxHeight"/> lines when taller.</summary>
    Transcode,
}

/// <summary>The decision for one file's proxy, from its probe facts.</summary>
public sealed record ProxyPlan(ProxyMethod Method, bool HasAudio, TimeSpan? ExpectedDuration)
{
    public const int MaxHeight = 720;

    private static readonly string[] PlayableContainers = ["mov", "mp4", "m4a", "3gp", "3g2", "mj2"];

    /// <summary>Decides from probe facts; audio-only media gets an audio-only MP4 proxy.</summary>
    public static ProxyPlan Decide(MediaFacts facts)
    {
        var containerPlayable = facts.FormatName.Split(',').Any(f => PlayableContainers.Contains(f, StringComparer.Ordinal));
        var videoPlayable = facts.Video is null
            || (facts.Video.Codec == "h264" && facts.Video.Height <= MaxHeight && facts.Video.PixelFormat is "yuv420p" or "yuvj420p");
        var audioPlayable = facts.Audio is null || facts.Audio.Codec == "aac";
        var method = containerPlayable && videoPlayable && audioPlayable ? ProxyMethod.Remux : ProxyMethod.Transcode;
        return new ProxyPlan(method, facts.HasAudio, facts.Duration);
    }
}
