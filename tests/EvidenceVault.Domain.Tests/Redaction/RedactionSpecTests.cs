using EvidenceVault.Domain.Redaction;

namespace EvidenceVault.Domain.Tests.Redaction;

public sealed class RedactionSpecTests
{
    private const string Full = """
        {
          "version": 1,
          "regions": [
            { "mode": "blackout", "from": 0.5, "to": 2, "box": { "x": 10, "y": 20, "w": 40, "h": 30 } },
            { "mode": "blur", "keyframes": [ { "t": 1, "x": 0, "y": 0, "w": 20, "h": 20 }, { "t": 3, "x": 100, "y": 40, "w": 40, "h": 20 } ] }
          ],
          "mutes": [ { "from": 1, "to": 2.5 } ],
          "frameBlurs": [ { "from": 2.5, "to": 3 } ]
        }
        """;

    [Fact]
    public void Parse_FullSpec_ReadsRegionsMutesAndFrameBlurs()
    {
        var spec = RedactionSpec.Parse(Full);

        Assert.Equal(new RedactionRegion(RegionMode.Blackout, new(0.5, 2), spec.Regions[0].Keyframes), spec.Regions[0]);
        Assert.Equal(new BoxKeyframe(0.5, new Box(10, 20, 40, 30)), Assert.Single(spec.Regions[0].Keyframes));
        Assert.Equal((RegionMode.Blur, new TimeInterval(1, 3)), (spec.Regions[1].Mode, spec.Regions[1].Interval));
        Assert.Equal([new TimeInterval(1, 2.5)], spec.Mutes);
        Assert.Equal([new TimeInterval(2.5, 3)], spec.FrameBlurs);
    }

    [Fact]
    public void At_BetweenKeyframes_MovesLinearlyAndHoldsAtTheEnds()
    {
        var moving = RedactionSpec.Parse(Full).Regions[1];

        Assert.Equal(new Box(0, 0, 20, 20), moving.At(0.2));
        Assert.Equal(new Box(50, 20, 30, 20), moving.At(2));
        Assert.Equal(new Box(100, 40, 40, 20), moving.At(9));
    }

    [Fact]
    public void Pieces_MovingBox_EachPieceCoversTheBoxThroughoutItsSpan()
    {
        var moving = RedactionSpec.Parse(Full).Regions[1];

        var pieces = moving.Pieces(0.25);

        Assert.Equal(8, pieces.Count);
        Assert.Equal((1.0, 3.0), (pieces[0].Span.From, pieces[^1].Span.To));
        foreach (var (span, box) in pieces)
        {
            for (var t = span.From; t <= span.To; t += 0.01)
            {
                var at = moving.At(t);
                Assert.True(at.X >= box.X && at.Y >= box.Y && at.X + at.Width <= box.X + box.Width && at.Y + at.Height <= box.Y + box.Height, $"{at} at {t} leaves {box}");
            }
        }
    }

    [Fact]
    public void Pieces_StillBox_OnePieceOverTheInterval() =>
        Assert.Equal([(new TimeInterval(0.5, 2), new Box(10, 20, 40, 30))], RedactionSpec.Parse(Full).Regions[0].Pieces(0.25));

    [Theory]
    [InlineData("""{ "version": 2, "mutes": [ { "from": 0, "to": 1 } ] }""", "version 2 is not supported")]
    [InlineData("""{ "version": 1 }""", "hides nothing")]
    [InlineData("""{ "version": 1, "mutes": [ { "from": 2, "to": 1 } ] }""", "mutes[0]: the interval must end after it starts")]
    [InlineData("""{ "version": 1, "mutes": [ { "from": -1, "to": 1 } ] }""", "mutes[0]: from must be a time of zero seconds or more")]
    [InlineData("""{ "version": 1, "frameBlurs": [ { "from": 1 } ] }""", "frameBlurs[0]: give to (seconds)")]
    [InlineData("""{ "version": 1, "regions": [ { "mode": "blur", "keyframes": [ { "t": 1, "x": 0, "y": 0, "w": 5, "h": 5 }, { "t": 1, "x": 9, "y": 0, "w": 5, "h": 5 } ] } ] }""", "regions[0].keyframes[1]: keyframe times must increase")]
    [InlineData("""{ "version": 1, "regions": [ { "mode": "blur", "from": 0, "to": 1, "box": { "x": -1, "y": 0, "w": 5, "h": 5 } } ] }""", "regions[0]: the box -1,0 5x5 must start inside the picture")]
    [InlineData("""{ "version": 1, "regions": [ { "mode": "blur", "from": 0, "to": 1 } ] }""", "regions[0]: give either a box")]
    [InlineData("""{ "version": 1, "regions": [ { "from": 0, "to": 1, "box": { "x": 0, "y": 0, "w": 5, "h": 5 } } ] }""", "regions[0]: give a mode")]
    [InlineData("""{ "version": 1, "regions": [ { "mode": "pixelate", "from": 0, "to": 1, "box": { "x": 0, "y": 0, "w": 5, "h": 5 } } ] }""", "not valid JSON of version 1")]
    [InlineData("""{ "version": 1, "regions": [ { "mode": "blur", "from": 2, "to": 3, "keyframes": [ { "t": 1, "x": 0, "y": 0, "w": 5, "h": 5 }, { "t": 3, "x": 9, "y": 0, "w": 5, "h": 5 } ] } ] }""", "keyframes must lie within")]
    [InlineData("""{ "version": 1, "mute": [ { "from": 0, "to": 1 } ] }""", "not valid JSON")]
    [InlineData("[]", "not valid JSON")]
    public void Parse_BadSpec_SaysWhereAndWhy(string json, string expected) =>
        Assert.Contains(expected, Assert.Throws<RedactionSpecException>(() => RedactionSpec.Parse(json)).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData(100, 100, 10.0, true, "regions[1] at 3 s: the box 100,40 40x20 reaches outside the 100x100 picture")]
    [InlineData(320, 240, 2.8, true, "regions[1]: the interval 1–3 s runs past the end of the recording (2.8 s)")]
    [InlineData(320, 240, 10.0, false, "no sound, so there is nothing to mute")]
    [InlineData(null, null, 10.0, true, "no picture")]
    public void CheckFits_SpecDoesNotFitTheRecording_SaysWhy(int? width, int? height, double duration, bool hasAudio, string expected) =>
        Assert.Contains(expected, Assert.Throws<RedactionSpecException>(() => RedactionSpec.Parse(Full).CheckFits(width, height, duration, hasAudio)).Message, StringComparison.Ordinal);

    [Fact]
    public void CheckFits_SpecInsideTheRecording_Passes() =>
        RedactionSpec.Parse(Full).CheckFits(320, 240, 3.02, hasAudio: true);
}
