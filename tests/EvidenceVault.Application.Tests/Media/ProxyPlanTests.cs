using EvidenceVault.Application.Media;

namespace EvidenceVault.Application.Tests.Media;

public sealed class ProxyPlanTests
{
    [Fact]
    public void Decide_H264Aac720pMp4_Remuxes() =>
        Assert.Equal(ProxyMethod.Remux, ProxyPlan.Decide(Facts("mov,mp4,m4a,3gp,3g2,mj2", "h264", 720, "aac")).Method);

    [Theory]
    [InlineData("mov,mp4,m4a,3gp,3g2,mj2", "h264", 1080, "aac")]
    [InlineData("mov,mp4,m4a,3gp,3g2,mj2", "hevc", 720, "aac")]
    [InlineData("mov,mp4,m4a,3gp,3g2,mj2", "h264", 720, "pcm_s16le")]
    [InlineData("avi", "h264", 480, "aac")]
    public void Decide_NotBrowserReady_Transcodes(string format, string codec, int height, string audio) =>
        Assert.Equal(ProxyMethod.Transcode, ProxyPlan.Decide(Facts(format, codec, height, audio)).Method);

    [Fact]
    public void Decide_CarriesDurationForTruncationCheck() =>
        Assert.Equal(TimeSpan.FromSeconds(30), ProxyPlan.Decide(Facts("mov,mp4,m4a,3gp,3g2,mj2", "h264", 480, "aac")).ExpectedDuration);

    private static MediaFacts Facts(string format, string codec, int height, string audio) =>
        new(format, TimeSpan.FromSeconds(30), new VideoFacts(codec, height * 16 / 9, height, "yuv420p", 30), new AudioFacts(audio, 48000, 2), null);
}
