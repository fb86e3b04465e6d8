using System.Globalization;
using EvidenceVault.Application.Media;

namespace EvidenceVault.Media.FFmpeg;

/// <summary>
/// The ffmpeg argument lists the adapter runs, in one place, so a benchmark or an operator can run exactly the
/// same command by hand. Each element is one argv entry (no shell quoting applied or needed).
/// </summary>
public static class ProxyArguments
{
    /// <summary>Largest thumbnail width in pixels.</summary>
    public const int ThumbnailMaxWidth = 320;

    /// <summary>The arguments (without the ffmpeg executable) that make the proxy for <paramref name="plan"/>.</summary>
    public static IReadOnlyList<string> Build(string inputPath, string outputPath, ProxyPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var arguments = new List<string>(Common(inputPath, seek: null))
        {
            // Capital V skips cover-art "video"; '?' lets audio-only input make an audio-only proxy.
            "-map", "0:V:0?",
        };
        arguments.AddRange(plan.HasAudio ? ["-map", "0:a:0?"] : ["-an"]);
        if (plan.Method == ProxyMethod.Remux)
        {
            arguments.AddRange(["-c", "copy"]);
        }
        else
        {
            arguments.AddRange(
            [
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "26", "-pix_fmt", "yuv420p",

                // Only ever shrink, to at most 720 lines, keeping both sides even as yuv420p requires.
                "-vf", $"scale=w=-2:h='min({ProxyPlan.MaxHeight},trunc(ih/2)*2)'",
                "-c:a", "aac", "-b:a", "128k",
            ]);
        }

        arguments.AddRange(["-max_muxing_queue_size", "1024", "-movflags", "+faststart", "-f", "mp4", FullPath(outputPath)]);
        return arguments;
    }

    /// <summary>The arguments (without the executable) that write one JPEG frame at most 320 pixels wide.</summary>
    public static IReadOnlyList<string> BuildThumbnail(string inputPath, string outputPath, TimeSpan? seek)
    {
        var arguments = new List<string>(Common(inputPath, seek))
        {
            "-map", "0:V:0", "-frames:v", "1",
            "-vf", $"scale=w='min({ThumbnailMaxWidth},iw)':h=-2",
            "-q:v", "4",

            // The raw mjpeg muxer writes the file name as given; image2 would expand '%d' in it.
            "-f", "mjpeg", FullPath(outputPath),
        };
        return arguments;
    }

    /// <summary>
    /// The arguments (without the executable) that write the preview sprite of <paramref name="plan"/>: a frame every
    /// interval, each scaled to exactly one tile, laid out row by row in one JPEG sheet.
    /// </summary>
    public static IReadOnlyList<string> BuildSprite(string inputPath, string outputPath, SpritePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var interval = plan.Interval.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var arguments = new List<string>(Common(inputPath, seek: null))
        {
            "-map", "0:V:0", "-an", "-sn", "-dn",

            // The grid holds every planned tile; a frame more (fps rounding at the end) starts a second sheet that
            // -frames:v 1 drops, a frame fewer leaves the last cell black.
            "-vf", $"fps=1/{interval},scale={plan.TileWidth}:{plan.TileHeight},setsar=1,tile={plan.Columns}x{plan.Rows}",
            "-frames:v", "1", "-q:v", "5",
            "-f", "mjpeg", FullPath(outputPath),
        };
        return arguments;
    }

    /// <summary>Where to take a thumbnail: min(1 s, duration / 2), or the first frame for stills and very short media.</summary>
    public static TimeSpan? ThumbnailSeek(TimeSpan? duration)
    {
        // A still image probes as ~0.04 s; seeking into it would skip its only frame.
        if (duration is not { } d || d < TimeSpan.FromSeconds(0.5))
        {
            return null;
        }

        var half = d / 2;
        return half < TimeSpan.FromSeconds(1) ? half : TimeSpan.FromSeconds(1);
    }

    internal static List<string> Common(string inputPath, TimeSpan? seek)
    {
        // -xerror turns "partial file" / "corrupt packet" into a failed run instead of a short "successful" one.
        var arguments = new List<string> { "-hide_banner", "-nostdin", "-nostats", "-loglevel", "error", "-xerror", "-y" };
        if (seek is { } s)
        {
            arguments.AddRange(["-ss", s.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)]);
        }

        // Absolute paths start with '/', so a file named "-y.mp4" can never be read as an option.
        arguments.AddRange(["-i", FullPath(inputPath)]);
        return arguments;
    }

    internal static string FullPath(string path) => Path.GetFullPath(path);
}
