using System.Globalization;

namespace EvidenceVault.Domain.Redaction;

/// <summary>How a region is hidden: painted black, or blurred beyond recognition.</summary>
public enum RegionMode
{
    Blackout,
    Blur,
}

/// <summary>A rectangle in the picture's pixels: left, top, width, height.</summary>
public sealed record Box(int X, int Y, int Width, int Height)
{
    /// <summary>The smallest box holding both: what covers a box moving from one to the other.</summary>
    public Box Union(Box other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var left = Math.Min(X, other.X);
        var top = Math.Min(Y, other.Y);
        return new Box(left, top, Math.Max(X + Width, other.X + other.Width) - left, Math.Max(Y + Height, other.Y + other.Height) - top);
    }

    public override string ToString() => $"{X},{Y} {Width}x{Height}";
}

/// <summary>A span of media time in seconds, both ends included.</summary>
public sealed record TimeInterval(double From, double To)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{From:0.###}–{To:0.###} s");
}

/// <summary>Where a moving box is at <see cref="Time"/> (seconds); between keyframes it moves linearly.</summary>
public sealed record BoxKeyframe(double Time, Box Box);

/// <summary>A box hidden over <see cref="Interval"/>; one keyframe is a box that stays put.</summary>
public sealed record RedactionRegion(RegionMode Mode, TimeInterval Interval, IReadOnlyList<BoxKeyframe> Keyframes)
{
    /// <summary>The box at <paramref name="time"/>: the first keyframe's before it, the last one's after, linear between.</summary>
    public Box At(double time)
    {
        if (time <= Keyframes[0].Time)
        {
            return Keyframes[0].Box;
        }

        for (var i = 1; i < Keyframes.Count; i++)
        {
            var (before, after) = (Keyframes[i - 1], Keyframes[i]);
            if (time <= after.Time)
            {
                var share = (time - before.Time) / (after.Time - before.Time);
                int Lerp(int a, int b) => (int)Math.Round(a + ((b - a) * share), MidpointRounding.AwayFromZero);
                return new Box(Lerp(before.Box.X, after.Box.X), Lerp(before.Box.Y, after.Box.Y), Lerp(before.Box.Width, after.Box.Width), Lerp(before.Box.Height, after.Box.Height));
            }
        }

        return Keyframes[^1].Box;
    }

    /// <summary>
    /// The region as still boxes over consecutive pieces of its interval, at most <paramref name="step"/> seconds each
    /// while it moves. Each piece's box is the union of where the box is at the piece's two ends, so with linear motion the
    /// moving box never leaves it: a piece can cover a little more than the box, never less.
    /// </summary>
    public IReadOnlyList<(TimeInterval Span, Box Box)> Pieces(double step)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step);
        var cuts = new SortedSet<double> { Interval.From, Interval.To };
        for (var i = 1; i < Keyframes.Count; i++)
        {
            var (start, end) = (Math.Max(Keyframes[i - 1].Time, Interval.From), Math.Min(Keyframes[i].Time, Interval.To));
            var count = (int)Math.Ceiling((end - start) / step);
            for (var k = 0; k <= count && end > start; k++)
            {
                cuts.Add(start + ((end - start) * k / count));
            }
        }

        var points = cuts.ToList();
        if (points.Count == 1)
        {
            return [(Interval, At(Interval.From))];
        }

        return [.. points.Zip(points.Skip(1), (a, b) => (new TimeInterval(a, b), At(a).Union(At(b))))];
    }
}
