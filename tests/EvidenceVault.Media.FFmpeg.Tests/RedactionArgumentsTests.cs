using EvidenceVault.Domain.Redaction;

namespace EvidenceVault.Media.FFmpeg.Tests;

public sealed class RedactionArgumentsTests
{
    [Fact]
    public void Build_MutesOnly_CopiesThePictureAndFiltersTheSound()
    {
        var spec = RedactionSpec.Parse("""{ "version": 1, "mutes": [ { "from": 1, "to": 2.5 }, { "from": 3, "to": 4 } ] }""");

        var arguments = RedactionArguments.Build("/in/a.mp4", "/tmp/a.filters", "/out/b.mp4", spec, hasAudio: true);

        Assert.Equal("[0:a:0]volume=volume=0:enable='between(t,1,2.5)+between(t,3,4)'[a]\n", RedactionArguments.FilterScript(spec, 320, 240, TimeSpan.FromSeconds(0.2)));
        Assert.Equal(["-map", "0:V:0?", "-c:v", "copy", "-map", "[a]"], arguments.SkipWhile(a => a != "-map").Take(6));
        Assert.Equal(["-map_metadata", "-1"], arguments.SkipWhile(a => a != "-map_metadata").Take(2));
        Assert.Equal("/out/b.mp4", arguments[^1]);
    }

    [Fact]
    public void FilterScript_BlurAndBlackout_BlursOnlyWhileDueAndDrawsBlackoutsLast()
    {
        var spec = RedactionSpec.Parse("""
            { "version": 1, "regions": [
                { "mode": "blackout", "from": 0, "to": 1, "box": { "x": 1, "y": 2, "w": 3, "h": 4 } },
                { "mode": "blur", "from": 2, "to": 3, "box": { "x": 10, "y": 20, "w": 30, "h": 40 } } ] }
            """);

        var lines = RedactionArguments.FilterScript(spec, 320, 240, TimeSpan.FromSeconds(0.2)).Split(";\n");

        Assert.Equal(
        [
            "[0:V:0]format=yuv420p,split=2[base][toblur]",
            "[toblur]boxblur=luma_radius=24:luma_power=3:chroma_radius=12:chroma_power=3:enable='between(t,2,3)',split=1[b0]",
            "[b0]crop=30:40:10:20[c0]",
            "[base][c0]overlay=x=10:y=20:enable='between(t,2,3)'[o0]",
            "[o0]null,drawbox=x=1:y=2:w=3:h=4:color=black:t=fill:enable='between(t,0,1)'[v]\n",
        ], lines);
    }
}
