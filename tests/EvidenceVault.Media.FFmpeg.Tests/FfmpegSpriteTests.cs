using System.Globalization;
using System.Text.RegularExpressions;
using EvidenceVault.Application.Media;

namespace EvidenceVault.Media.FFmpeg.Tests;

/// <summary>The preview sprite made by real ffmpeg from real clips, and its cues checked against the sheet it made.</summary>
[Collection(MediaCollection.Name)]
public sealed partial class FfmpegSpriteTests(MediaFixture media)
{
    [Fact]
    public async Task CreateSpriteAsync_TwelveSecondClip_TenByTwoSheetWithTwelveFilledTilesThenBlack()
    {
        var clip = await MediaFile.MakeClipAsync(Path.GetDirectoryName(media.NewPath("x"))!, "twelve.mp4", "320x180", 12);
        var plan = SpritePlan.Decide(await MediaFixture.FactsAsync(clip))!;
        var output = media.NewPath("sprite.jpg");

        await MediaFixture.Transcoder().CreateSpriteAsync(clip, output, plan, CancellationToken.None);

        var sheet = (await MediaFixture.FactsAsync(output)).Video!;
        Assert.True(MediaFile.IsJpeg(output));
        Assert.Equal((12, 10, 2, 160, 90), (plan.Tiles, plan.Columns, plan.Rows, plan.TileWidth, plan.TileHeight));
        Assert.Equal((1600, 180), (sheet.Width, sheet.Height));

        // testsrc is bright everywhere: a cell with a frame is far from black, the cells past the last tile are black.
        var pixels = await MediaFile.GrayPixelsAsync(output);
        var filled = Enumerable.Range(0, plan.Columns * plan.Rows).Select(cell => MeanOfCell(pixels, sheet.Width, plan, cell) > 20).ToList();
        Assert.Equal([.. Enumerable.Repeat(true, 12), .. Enumerable.Repeat(false, 8)], filled);
    }

    [Fact]
    public async Task CreateSpriteAsync_Clip360_CuesCoverTheDurationAndPointInsideTheSheet()
    {
        var facts = await MediaFixture.FactsAsync(media.Clip360);
        var plan = SpritePlan.Decide(facts)!;
        var output = media.NewPath("sprite.jpg");

        await MediaFixture.Transcoder().CreateSpriteAsync(media.Clip360, output, plan, CancellationToken.None);

        var sheet = (await MediaFixture.FactsAsync(output)).Video!;
        var cues = Cue().Matches(plan.Cues()).Select(m => (
            Start: TimeSpan.Parse(m.Groups["start"].Value, CultureInfo.InvariantCulture),
            End: TimeSpan.Parse(m.Groups["end"].Value, CultureInfo.InvariantCulture),
            X: int.Parse(m.Groups["x"].Value, CultureInfo.InvariantCulture),
            Y: int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture),
            W: int.Parse(m.Groups["w"].Value, CultureInfo.InvariantCulture),
            H: int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture))).ToList();

        Assert.StartsWith("WEBVTT\n", plan.Cues(), StringComparison.Ordinal);
        Assert.Equal(plan.Tiles, cues.Count);
        Assert.Equal(TimeSpan.Zero, cues[0].Start);
        Assert.Equal(facts.Duration!.Value.TotalSeconds, cues[^1].End.TotalSeconds, 0.001);
        Assert.All(cues.Zip(cues.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
        Assert.All(cues, c => Assert.True(c.X + c.W <= sheet.Width && c.Y + c.H <= sheet.Height, $"{c} lies outside {sheet.Width}x{sheet.Height}"));
        Assert.Equal(cues.Count, cues.Select(c => (c.X, c.Y)).Distinct().Count());
    }

    [Fact]
    public async Task CreateSpriteAsync_BudgetExceeded_ThrowsMediaToolTimeoutAndLeavesNoOutput()
    {
        var plan = SpritePlan.Decide(await MediaFixture.FactsAsync(media.Clip1080))!;
        var options = MediaFixture.Options(o => (o.ProxyTimeoutMinimum, o.SpriteTimeoutPerMediaSecond) = (TimeSpan.FromMilliseconds(1), 0));
        var transcoder = new FfmpegMediaTranscoder(options, MediaFixture.Probe());
        var output = media.NewPath("sprite.jpg");

        await Assert.ThrowsAsync<MediaToolTimeoutException>(() => transcoder.CreateSpriteAsync(media.Clip1080, output, plan, CancellationToken.None));

        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task CreateSpriteAsync_TruncatedFaststartMp4_ThrowsMediaUnreadable()
    {
        var plan = SpritePlan.Decide(await MediaFixture.FactsAsync(media.TruncatedFaststart))!;

        await Assert.ThrowsAsync<MediaUnreadableException>(
            () => MediaFixture.Transcoder().CreateSpriteAsync(media.TruncatedFaststart, media.NewPath("sprite.jpg"), plan, CancellationToken.None));
    }

    private static double MeanOfCell(byte[] pixels, int sheetWidth, SpritePlan plan, int cell)
    {
        var (left, top) = (cell % plan.Columns * plan.TileWidth, cell / plan.Columns * plan.TileHeight);
        long sum = 0;
        for (var y = top + 4; y < top + plan.TileHeight - 4; y++)
        {
            for (var x = left + 4; x < left + plan.TileWidth - 4; x++)
            {
                sum += pixels[(y * sheetWidth) + x];
            }
        }

        return sum / (double)((plan.TileWidth - 8) * (plan.TileHeight - 8));
    }

    [GeneratedRegex(@"(?<start>\d\d:\d\d:\d\d\.\d{3}) --> (?<end>\d\d:\d\d:\d\d\.\d{3})\npreview\.jpg#xywh=(?<x>\d+),(?<y>\d+),(?<w>\d+),(?<h>\d+)\n")]
    private static partial Regex Cue();
}
