using System.Globalization;
using System.Text;
using EvidenceVault.Domain.Redaction;

namespace EvidenceVault.Media.FFmpeg;

/// <summary>
/// A redaction spec as an ffmpeg filter script and the argument list that runs it. Blur: the picture is blurred once
/// (only while some blur is due, through boxblur's own enable) and pieces of the blurred picture are laid over the
/// original where and when a box is due; blackouts are filled boxes drawn last, so they sit on top. A moving box becomes
/// still pieces (<see cref="RedactionRegion.Pieces"/>) that always cover it. Mutes are one volume filter. A stream with
/// nothing to hide is copied as it is.
/// </summary>
public static class RedactionArguments
{
    /// <summary>The filter script (for <c>-filter_complex_script</c>) with outputs <c>[v]</c> and/or <c>[a]</c>.</summary>
    public static string FilterScript(RedactionSpec spec, int width, int height, TimeSpan motionStep)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var chains = new List<string>();
        if (HidesPicture(spec))
        {
            chains.AddRange(VideoChains(spec, width, height, motionStep.TotalSeconds));
        }

        if (spec.Mutes.Count > 0)
        {
            chains.Add($"[0:a:0]volume=volume=0:enable='{Enable(spec.Mutes)}'[a]");
        }

        return string.Join(";\n", chains) + "\n";
    }

    /// <summary>The arguments (without the executable) that write the redacted MP4, filters read from <paramref name="scriptPath"/>.</summary>
    public static IReadOnlyList<string> Build(string inputPath, string scriptPath, string outputPath, RedactionSpec spec, bool hasAudio)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var arguments = new List<string>(ProxyArguments.Common(inputPath, seek: null))
        {
            // ffmpeg 5.1 (Debian 12) reads a graph from a file with -filter_complex_script; 7.1 names it -/filter_complex.
            "-filter_complex_script", ProxyArguments.FullPath(scriptPath),
        };
        arguments.AddRange(HidesPicture(spec)
            ? ["-map", "[v]", "-c:v", "libx264", "-preset", "veryfast", "-crf", "18", "-pix_fmt", "yuv420p"]
            : ["-map", "0:V:0?", "-c:v", "copy"]);
        if (spec.Mutes.Count > 0)
        {
            arguments.AddRange(["-map", "[a]", "-c:a", "aac", "-b:a", "128k"]);
        }
        else if (hasAudio)
        {
            arguments.AddRange(["-map", "0:a:0", "-c:a", "copy"]);
        }

        // A copy for others carries no tags (device, place, times) and no side streams: only what the spec leaves visible.
        arguments.AddRange(["-map_metadata", "-1", "-map_chapters", "-1", "-sn", "-dn", "-movflags", "+faststart", "-f", "mp4", ProxyArguments.FullPath(outputPath)]);
        return arguments;
    }

    /// <summary>Whether the picture is filtered (and so re-encoded) at all.</summary>
    public static bool HidesPicture(RedactionSpec spec) => spec.Regions.Count > 0 || spec.FrameBlurs.Count > 0;

    private static IEnumerable<string> VideoChains(RedactionSpec spec, int width, int height, double step)
    {
        var blurs = spec.Regions.Where(r => r.Mode == RegionMode.Blur).SelectMany(r => r.Pieces(step)).ToList();
        var blackouts = spec.Regions.Where(r => r.Mode == RegionMode.Blackout).SelectMany(r => r.Pieces(step)).ToList();
        var overlays = blurs.Count + spec.FrameBlurs.Count;
        var current = "[0:V:0]format=yuv420p";
        if (overlays > 0)
        {
            // A radius of a tenth of the picture, three passes: nothing of a face or a plate survives; chroma is half size.
            var radius = Math.Max(2, Math.Min(width, height) / 10);
            var due = Enable([.. blurs.Select(b => b.Span), .. spec.FrameBlurs]);
            yield return $"{current},split=2[base][toblur]";
            yield return $"[toblur]boxblur=luma_radius={radius}:luma_power=3:chroma_radius={radius / 2}:chroma_power=3:enable='{due}',split={overlays}"
                + string.Concat(Enumerable.Range(0, overlays).Select(i => $"[b{i}]"));
            current = "[base]";
            for (var i = 0; i < overlays; i++)
            {
                var (span, box) = i < blurs.Count ? blurs[i] : (spec.FrameBlurs[i - blurs.Count], new Box(0, 0, width, height));
                yield return $"[b{i}]crop={box.Width}:{box.Height}:{box.X}:{box.Y}[c{i}]";
                yield return $"{current}[c{i}]overlay=x={box.X}:y={box.Y}:enable='{Between(span)}'[o{i}]";
                current = $"[o{i}]";
            }
        }

        // After the overlays the picture is a label, which needs a filter before the boxes; before them, the format chain is one.
        var draw = new StringBuilder(overlays > 0 ? current + "null" : current);
        foreach (var (span, box) in blackouts)
        {
            draw.Append(CultureInfo.InvariantCulture, $",drawbox=x={box.X}:y={box.Y}:w={box.Width}:h={box.Height}:color=black:t=fill:enable='{Between(span)}'");
        }

        yield return draw.Append("[v]").ToString();
    }

    private static string Enable(IEnumerable<TimeInterval> spans) => string.Join("+", spans.Select(Between));

    private static string Between(TimeInterval span) =>
        string.Create(CultureInfo.InvariantCulture, $"between(t,{span.From:0.######},{span.To:0.######})");
}
