using EvidenceVault.Application.Media;

namespace EvidenceVault.Application.Tests.Media;

public sealed class SpritePlanTests
{
    [Fact]
    public void Decide_OneHourVideo_HundredTilesEvery36SecondsTenByTen()
    {
        var plan = SpritePlan.Decide(Video(TimeSpan.FromHours(1), 1920, 1080))!;

        Assert.Equal((TimeSpan.FromSeconds(36), 100, 10, 10, 160, 90), (plan.Interval, plan.Tiles, plan.Columns, plan.Rows, plan.TileWidth, plan.TileHeight));
        Assert.Equal((1600, 900), (plan.SheetWidth, plan.SheetHeight));
    }

    [Fact]
    public void Decide_ShortVideo_OneTilePerSecondInOneRow()
    {
        var plan = SpritePlan.Decide(Video(TimeSpan.FromSeconds(3.2), 640, 480))!;

        Assert.Equal((TimeSpan.FromSeconds(1), 4, 4, 1, 120), (plan.Interval, plan.Tiles, plan.Columns, plan.Rows, plan.TileHeight));
    }

    [Fact]
    public void Decide_NoPictureOrNoDuration_Null()
    {
        Assert.Null(SpritePlan.Decide(new MediaFacts("wav", TimeSpan.FromSeconds(3), null, new AudioFacts("pcm_s16le", 48000, 1), null)));
        Assert.Null(SpritePlan.Decide(Video(null, 640, 360)));
    }

    [Fact]
    public void Cues_LastTileOfALongVideo_EndsWithTheMediaAndPointsAtTheLastCell()
    {
        var cues = SpritePlan.Decide(Video(TimeSpan.FromSeconds(3599.5), 1920, 1080))!.Cues();

        Assert.StartsWith("WEBVTT\n\n1\n00:00:00.000 --> 00:00:36.000\npreview.jpg#xywh=0,0,160,90\n", cues, StringComparison.Ordinal);
        Assert.EndsWith("\n100\n00:59:24.000 --> 00:59:59.500\npreview.jpg#xywh=1440,810,160,90\n", cues, StringComparison.Ordinal);
    }

    private static MediaFacts Video(TimeSpan? duration, int width, int height) =>
        new("mov,mp4,m4a,3gp,3g2,mj2", duration, new VideoFacts("h264", width, height, "yuv420p", 25), null, null);
}
