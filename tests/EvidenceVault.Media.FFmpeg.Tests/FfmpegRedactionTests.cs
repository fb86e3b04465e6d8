using EvidenceVault.Domain.Redaction;

namespace EvidenceVault.Media.FFmpeg.Tests;

/// <summary>Redacted copies made by real ffmpeg from a real clip, looked at frame by frame and heard span by span.</summary>
[Collection(MediaCollection.Name)]
public sealed class FfmpegRedactionTests(MediaFixture media)
{
    private const int Width = 320;
    private const int Height = 240;

    [Fact]
    public async Task CreateRedactionAsync_Mute_SpanIsSilentAndTheRestIsNot()
    {
        var (clip, copy) = await RedactAsync("""{ "version": 1, "mutes": [ { "from": 1, "to": 2.5 } ] }""");

        Assert.True(await FfmpegRun.MaxVolumeAsync(copy, 1.2, 2.3) <= -90);
        Assert.True(await FfmpegRun.MaxVolumeAsync(copy, 3, 3.8) > -30);
        Assert.True(await FfmpegRun.MaxVolumeAsync(clip, 1.2, 2.3) > -30);
    }

    [Fact]
    public async Task CreateRedactionAsync_Blackout_RegionIsBlackInsideTheIntervalAndUnchangedOutside()
    {
        var box = new Box(40, 40, 80, 60);
        var (clip, copy) = await RedactAsync("""{ "version": 1, "regions": [ { "mode": "blackout", "from": 1, "to": 3, "box": { "x": 40, "y": 40, "w": 80, "h": 60 } } ] }""");

        var inside = await FfmpegRun.GrayFrameAsync(copy, 2);
        Assert.True(Region(inside, box).Max() < 20, "the box is black while due");
        Assert.True(MeanDifference(Region(await FfmpegRun.GrayFrameAsync(clip, 0.5), box), Region(await FfmpegRun.GrayFrameAsync(copy, 0.5), box)) < 3, "the box is the original's before");
        Assert.True(MeanDifference(Region(await FfmpegRun.GrayFrameAsync(clip, 2), Outside), Region(inside, Outside)) < 3, "the rest of the picture is the original's");
    }

    [Fact]
    public async Task CreateRedactionAsync_Blur_RegionLosesItsDetailInsideTheIntervalOnly()
    {
        var box = new Box(100, 60, 120, 100);
        var (clip, copy) = await RedactAsync("""{ "version": 1, "regions": [ { "mode": "blur", "from": 1, "to": 3, "box": { "x": 100, "y": 60, "w": 120, "h": 100 } } ] }""");

        var original = Detail(await FfmpegRun.GrayFrameAsync(clip, 2), box);
        Assert.True(Detail(await FfmpegRun.GrayFrameAsync(copy, 2), box) < original * 0.2, "the blurred box keeps less than a fifth of its local variance");
        Assert.True(MeanDifference(Region(await FfmpegRun.GrayFrameAsync(clip, 3.5), box), Region(await FfmpegRun.GrayFrameAsync(copy, 3.5), box)) < 3, "the box is the original's after");
    }

    [Fact]
    public async Task CreateRedactionAsync_MovingBlackout_FollowsTheKeyframes()
    {
        var spec = """{ "version": 1, "regions": [ { "mode": "blackout", "keyframes": [ { "t": 0.5, "x": 0, "y": 0, "w": 60, "h": 40 }, { "t": 3.5, "x": 240, "y": 180, "w": 60, "h": 40 } ] } ] }""";
        var (clip, copy) = await RedactAsync(spec);
        var region = RedactionSpec.Parse(spec).Regions[0];

        foreach (var t in new[] { 1.0, 2.0, 3.0 })
        {
            var frame = await FfmpegRun.GrayFrameAsync(copy, t);
            Assert.True(Region(frame, region.At(t)).Max() < 20, $"the box is black where it is at {t} s");
        }

        // At 1 s the box is near the top left: the bottom right corner is the original's.
        var corner = new Box(240, 180, 60, 40);
        Assert.True(MeanDifference(Region(await FfmpegRun.GrayFrameAsync(clip, 1), corner), Region(await FfmpegRun.GrayFrameAsync(copy, 1), corner)) < 3);
    }

    [Fact]
    public async Task CreateRedactionAsync_FrameBlur_WholePictureLosesItsDetail()
    {
        var (clip, copy) = await RedactAsync("""{ "version": 1, "frameBlurs": [ { "from": 2, "to": 3 } ] }""");

        var whole = new Box(0, 0, Width, Height);
        Assert.True(Detail(await FfmpegRun.GrayFrameAsync(copy, 2.5), whole) < Detail(await FfmpegRun.GrayFrameAsync(clip, 2.5), whole) * 0.2);
    }

    [Fact]
    public async Task CreateRedactionAsync_Always_KeepsTheDurationAndDropsTheTags()
    {
        var (clip, copy) = await RedactAsync("""{ "version": 1, "mutes": [ { "from": 0, "to": 1 } ] }""");

        var (before, after) = (await MediaFixture.FactsAsync(clip), await MediaFixture.FactsAsync(copy));
        Assert.NotNull(before.CreationTime);
        Assert.Null(after.CreationTime);
        Assert.Equal(before.Duration!.Value.TotalSeconds, after.Duration!.Value.TotalSeconds, 0.1);
        Assert.Equal((Width, Height), (after.Video!.Width, after.Video.Height));
    }

    private static readonly Box Outside = new(200, 150, 100, 80);

    private async Task<(string Clip, string Copy)> RedactAsync(string spec)
    {
        var clip = media.RedactionClip;
        var copy = media.NewPath("redacted.mp4");
        var parsed = RedactionSpec.Parse(spec);
        var facts = await MediaFixture.FactsAsync(clip);
        parsed.CheckFits(facts.Video?.Width, facts.Video?.Height, facts.Duration?.TotalSeconds, facts.HasAudio);

        await MediaFixture.Transcoder().CreateRedactionAsync(clip, copy, parsed, facts, CancellationToken.None);
        return (clip, copy);
    }

    private static byte[] Region(byte[] frame, Box box)
    {
        Assert.Equal(Width * Height, frame.Length);
        var region = new List<byte>();
        for (var y = box.Y; y < box.Y + box.Height; y++)
        {
            region.AddRange(frame.AsSpan((y * Width) + box.X, box.Width).ToArray());
        }

        return [.. region];
    }

    private static double MeanDifference(byte[] a, byte[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Average();

    /// <summary>
    /// The mean variance of the 8×8 blocks inside the box: what a blur removes (edges, text, faces), while the broad colour
    /// bars of the test picture, which a blur keeps, add nothing to it.
    /// </summary>
    private static double Detail(byte[] frame, Box box)
    {
        const int Block = 8;
        var variances = new List<double>();
        for (var y = box.Y; y + Block <= box.Y + box.Height; y += Block)
        {
            for (var x = box.X; x + Block <= box.X + box.Width; x += Block)
            {
                var pixels = Region(frame, new Box(x, y, Block, Block));
                var mean = pixels.Average(p => (double)p);
                variances.Add(pixels.Average(p => (p - mean) * (p - mean)));
            }
        }

        return variances.Average();
    }
}
