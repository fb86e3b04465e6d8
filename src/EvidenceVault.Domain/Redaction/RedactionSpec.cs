using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvidenceVault.Domain.Redaction;

/// <summary>
/// What a redacted copy hides, read from its JSON spec (version 1): boxes blacked out or blurred over time intervals
/// (still, or moving through keyframes), audio muted over intervals, and the whole picture blurred over intervals. Times are
/// seconds of media time, boxes pixels of the original picture. <see cref="Parse"/> checks the spec on its own;
/// <see cref="CheckFits"/> checks it against the recording it is applied to.
/// </summary>
public sealed record RedactionSpec(IReadOnlyList<RedactionRegion> Regions, IReadOnlyList<TimeInterval> Mutes, IReadOnlyList<TimeInterval> FrameBlurs)
{
    public const int CurrentVersion = 1;

    /// <summary>Regions, mutes and frame blurs together: each becomes filters, so a spec stays a size ffmpeg runs well.</summary>
    public const int MaxItems = 256;

    public const int MaxKeyframes = 1000;

    /// <summary>Rounding of probed durations: an interval may end this far past the media's probed end.</summary>
    private const double EndTolerance = 0.05;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <exception cref="RedactionSpecException">The text is not a valid spec; the message says where and why.</exception>
    public static RedactionSpec Parse(string json)
    {
        SpecText? text;
        try
        {
            text = JsonSerializer.Deserialize<SpecText>(json, Json);
        }
        catch (JsonException ex)
        {
            throw new RedactionSpecException($"The redaction spec is not valid JSON of version {CurrentVersion}: {ex.Message}");
        }

        if (text is null)
        {
            throw new RedactionSpecException("The redaction spec must be a JSON object.");
        }

        if (text.Version != CurrentVersion)
        {
            throw new RedactionSpecException($"Redaction spec version {text.Version} is not supported; this service reads version {CurrentVersion}.");
        }

        var regions = (text.Regions ?? []).Select((r, i) => Region(r, $"regions[{i}]")).ToList();
        var mutes = (text.Mutes ?? []).Select((m, i) => Interval(m.From, m.To, $"mutes[{i}]")).ToList();
        var blurs = (text.FrameBlurs ?? []).Select((b, i) => Interval(b.From, b.To, $"frameBlurs[{i}]")).ToList();
        var count = regions.Count + mutes.Count + blurs.Count;
        return count switch
        {
            0 => throw new RedactionSpecException("The redaction spec hides nothing: give at least one of regions, mutes or frameBlurs."),
            > MaxItems => throw new RedactionSpecException($"The redaction spec has {count} regions, mutes and frame blurs; at most {MaxItems} are allowed."),
            _ => new RedactionSpec(regions, mutes, blurs),
        };
    }

    /// <summary>Checks the spec against the media it is applied to.</summary>
    /// <exception cref="RedactionSpecException">A box reaches outside the picture, an interval past the end, or the media lacks the stream to hide.</exception>
    public void CheckFits(int? width, int? height, double? duration, bool hasAudio)
    {
        if ((Regions.Count > 0 || FrameBlurs.Count > 0) && width is not > 0)
        {
            throw new RedactionSpecException("The recording has no picture, so it has no regions or frames to hide; give mutes only.");
        }

        if (Mutes.Count > 0 && !hasAudio)
        {
            throw new RedactionSpecException("The recording has no sound, so there is nothing to mute.");
        }

        var end = duration ?? throw new RedactionSpecException("The recording's duration is unknown, so no interval can be checked against it.");
        foreach (var (interval, where) in Intervals())
        {
            if (interval.To > end + EndTolerance)
            {
                throw new RedactionSpecException($"{where}: the interval {interval} runs past the end of the recording ({end:0.###} s).");
            }
        }

        for (var i = 0; i < Regions.Count; i++)
        {
            foreach (var keyframe in Regions[i].Keyframes)
            {
                var box = keyframe.Box;
                if (box.X + box.Width > width || box.Y + box.Height > height)
                {
                    throw new RedactionSpecException($"regions[{i}] at {keyframe.Time:0.###} s: the box {box} reaches outside the {width}x{height} picture.");
                }
            }
        }
    }

    private IEnumerable<(TimeInterval Interval, string Where)> Intervals() =>
        Regions.Select((r, i) => (r.Interval, $"regions[{i}]"))
            .Concat(Mutes.Select((m, i) => (m, $"mutes[{i}]")))
            .Concat(FrameBlurs.Select((b, i) => (b, $"frameBlurs[{i}]")));

    private static RedactionRegion Region(RegionText region, string where)
    {
        var mode = region.Mode ?? throw new RedactionSpecException($"{where}: give a mode, \"blackout\" or \"blur\".");
        var keyframes = (region.Box, region.Keyframes) switch
        {
            ({ } box, null) => [new BoxKeyframe(region.From ?? 0, Box(box, where))],
            (null, { Count: > 0 } frames) => Keyframes(frames, where),
            _ => throw new RedactionSpecException($"{where}: give either a box (it stays put) or keyframes (it moves), not both or neither."),
        };

        var from = region.From ?? keyframes[0].Time;
        var to = region.To ?? (keyframes.Count > 1 ? keyframes[^1].Time : throw new RedactionSpecException($"{where}: a still box needs from and to."));
        var interval = Interval(from, to, where);
        if (keyframes.Count > 1 && (keyframes[0].Time < interval.From || keyframes[^1].Time > interval.To))
        {
            throw new RedactionSpecException($"{where}: the keyframes must lie within the region's interval {interval}.");
        }

        return new RedactionRegion(mode, interval, keyframes);
    }

    private static List<BoxKeyframe> Keyframes(List<KeyframeText> frames, string where)
    {
        if (frames.Count > MaxKeyframes)
        {
            throw new RedactionSpecException($"{where}: {frames.Count} keyframes; at most {MaxKeyframes} are allowed.");
        }

        var keyframes = new List<BoxKeyframe>();
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];
            var at = $"{where}.keyframes[{i}]";
            var time = Seconds(frame.T, at, "t");
            if (keyframes.Count > 0 && time <= keyframes[^1].Time)
            {
                throw new RedactionSpecException($"{at}: keyframe times must increase; {time:0.###} s does not come after {keyframes[^1].Time:0.###} s.");
            }

            keyframes.Add(new BoxKeyframe(time, Box(new BoxText(frame.X, frame.Y, frame.W, frame.H), at)));
        }

        return keyframes;
    }

    private static Box Box(BoxText box, string where)
    {
        if (box.X is not { } x || box.Y is not { } y || box.W is not { } w || box.H is not { } h)
        {
            throw new RedactionSpecException($"{where}: a box needs x, y, w and h (pixels).");
        }

        return x < 0 || y < 0 || w < 1 || h < 1
            ? throw new RedactionSpecException($"{where}: the box {x},{y} {w}x{h} must start inside the picture (x, y ≥ 0) and have a size (w, h ≥ 1).")
            : new Box(x, y, w, h);
    }

    private static TimeInterval Interval(double? from, double? to, string where)
    {
        var start = Seconds(from, where, "from");
        var end = Seconds(to, where, "to");
        return end > start
            ? new TimeInterval(start, end)
            : throw new RedactionSpecException($"{where}: the interval must end after it starts ({start:0.###} s to {end:0.###} s).");
    }

    private static double Seconds(double? value, string where, string name) => value switch
    {
        null => throw new RedactionSpecException($"{where}: give {name} (seconds)."),
        { } v when !double.IsFinite(v) || v < 0 => throw new RedactionSpecException($"{where}: {name} must be a time of zero seconds or more, not {v}."),
        { } v => v,
    };

    private sealed record SpecText(int Version, List<RegionText>? Regions, List<IntervalText>? Mutes, List<IntervalText>? FrameBlurs);

    private sealed record RegionText(RegionMode? Mode, double? From, double? To, BoxText? Box, List<KeyframeText>? Keyframes);

    private sealed record BoxText(int? X, int? Y, int? W, int? H);

    private sealed record KeyframeText(double? T, int? X, int? Y, int? W, int? H);

    private sealed record IntervalText(double? From, double? To);
}

/// <summary>A redaction spec that cannot be read or does not fit the recording; the message says where and why.</summary>
public sealed class RedactionSpecException(string message) : Exception(message);
