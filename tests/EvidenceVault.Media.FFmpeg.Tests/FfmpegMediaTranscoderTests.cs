using System.Security.Cryptography;
using EvidenceVault.Application.Media;

namespace EvidenceVault.Media.FFmpeg.Tests;

[Collection(MediaCollection.Name)]
public sealed class FfmpegMediaTranscoderTests(MediaFixture media)
{
    [Fact]
    public async Task CreateProxyAsync_Remux360pMp4_PutsMoovBeforeMdatAndKeepsDuration()
    {
        var input = await MediaFixture.FactsAsync(media.Clip360);
        var plan = ProxyPlan.Decide(input);
        var before = SHA256.HashData(await File.ReadAllBytesAsync(media.Clip360));
        var output = media.NewPath("proxy.mp4");

        await MediaFixture.Transcoder().CreateProxyAsync(media.Clip360, output, plan, CancellationToken.None);

        Assert.Equal(ProxyMethod.Remux, plan.Method);
        var boxes = MediaFile.TopLevelBoxes(output);
        Assert.True(boxes.IndexOf("moov") is >= 0 and var moov && moov < boxes.IndexOf("mdat"), string.Join(",", boxes));
        Assert.Equal(input.Duration!.Value.TotalSeconds, (await MediaFixture.FactsAsync(output)).Duration!.Value.TotalSeconds, 1);
        Assert.Equal(before, SHA256.HashData(await File.ReadAllBytesAsync(media.Clip360)));
    }

    [Fact]
    public async Task CreateProxyAsync_Transcode1080p_Outputs720pH264Aac()
    {
        var plan = ProxyPlan.Decide(await MediaFixture.FactsAsync(media.Clip1080));
        var output = media.NewPath("proxy.mp4");

        await MediaFixture.Transcoder().CreateProxyAsync(media.Clip1080, output, plan, CancellationToken.None);

        var facts = await MediaFixture.FactsAsync(output);
        Assert.Equal(("h264", 1280, 720, "yuv420p"), (facts.Video!.Codec, facts.Video.Width, facts.Video.Height, facts.Video.PixelFormat));
        Assert.Equal("aac", facts.Audio!.Codec);
        Assert.True(MediaFile.TopLevelBoxes(output).IndexOf("moov") < MediaFile.TopLevelBoxes(output).IndexOf("mdat"));
    }

    [Fact]
    public async Task CreateProxyAsync_Transcode480pMpeg4Mp3Avi_KeepsHeight480()
    {
        var input = await MediaFixture.FactsAsync(media.Clip480Avi);
        var plan = ProxyPlan.Decide(input);
        var output = media.NewPath("proxy.mp4");

        await MediaFixture.Transcoder().CreateProxyAsync(media.Clip480Avi, output, plan, CancellationToken.None);

        Assert.Equal(("mpeg4", "mp3"), (input.Video!.Codec, input.Audio!.Codec));
        Assert.Equal(ProxyMethod.Transcode, plan.Method);
        var facts = await MediaFixture.FactsAsync(output);
        Assert.Equal(("h264", 640, 480), (facts.Video!.Codec, facts.Video.Width, facts.Video.Height));
        Assert.Equal("aac", facts.Audio!.Codec);
    }

    [Fact]
    public async Task CreateProxyAsync_TruncatedFaststartMp4_ThrowsMediaUnreadableAndLeavesNoOutput()
    {
        // The trap: the index survives the cut, so the probe succeeds and promises the full duration.
        var input = await MediaFixture.FactsAsync(media.TruncatedFaststart);
        var output = media.NewPath("proxy.mp4");

        await Assert.ThrowsAsync<MediaUnreadableException>(
            () => MediaFixture.Transcoder().CreateProxyAsync(media.TruncatedFaststart, output, ProxyPlan.Decide(input), CancellationToken.None));

        Assert.InRange(input.Duration!.Value.TotalSeconds, 3.9, 4.1);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task CreateProxyAsync_TruncatedFaststartMp4Transcoded_ThrowsMediaUnreadable()
    {
        var input = await MediaFixture.FactsAsync(media.TruncatedFaststart);
        var plan = new ProxyPlan(ProxyMethod.Transcode, HasAudio: true, input.Duration);

        await Assert.ThrowsAsync<MediaUnreadableException>(
            () => MediaFixture.Transcoder().CreateProxyAsync(media.TruncatedFaststart, media.NewPath("proxy.mp4"), plan, CancellationToken.None));
    }

    [Fact]
    public async Task CreateProxyAsync_AudioOnlyWav_WritesAudioOnlyAacMp4()
    {
        var plan = ProxyPlan.Decide(await MediaFixture.FactsAsync(media.Wav));
        var output = media.NewPath("proxy.mp4");

        await MediaFixture.Transcoder().CreateProxyAsync(media.Wav, output, plan, CancellationToken.None);

        var facts = await MediaFixture.FactsAsync(output);
        Assert.False(facts.HasVideo);
        Assert.Equal("aac", facts.Audio!.Codec);
        Assert.Contains("mp4", facts.FormatName.Split(','));
    }

    [Fact]
    public async Task CreateProxyAsync_CancelledWhileRunning_ThrowsOperationCanceledAndLeavesNoOutput()
    {
        var plan = new ProxyPlan(ProxyMethod.Transcode, HasAudio: true, TimeSpan.FromSeconds(3));
        var output = media.NewPath("proxy.mp4");
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => MediaFixture.Transcoder().CreateProxyAsync(media.Clip1080, output, plan, cts.Token));

        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task CreateThumbnailAsync_Video_WritesJpegAtMost320Wide()
    {
        var facts = await MediaFixture.FactsAsync(media.Clip1080);
        var output = media.NewPath("thumb.jpg");

        await MediaFixture.Transcoder().CreateThumbnailAsync(media.Clip1080, output, facts, CancellationToken.None);

        Assert.True(MediaFile.IsJpeg(output));
        var thumb = await MediaFixture.FactsAsync(output);
        Assert.Equal((320, 180), (thumb.Video!.Width, thumb.Video.Height));
    }

    [Theory]
    [InlineData("jpg")]
    [InlineData("png")]
    public async Task CreateThumbnailAsync_StillImage_WritesJpeg(string kind)
    {
        var input = kind == "jpg" ? media.Jpeg : media.Png;
        var facts = await MediaFixture.FactsAsync(input);
        var output = media.NewPath("thumb.jpg");

        await MediaFixture.Transcoder().CreateThumbnailAsync(input, output, facts, CancellationToken.None);

        Assert.True(MediaFile.IsJpeg(output));
        Assert.InRange((await MediaFixture.FactsAsync(output)).Video!.Width, 1, 320);
    }

    [Fact]
    public async Task CreateThumbnailAsync_AudioOnly_ThrowsMediaToolException()
    {
        var facts = await MediaFixture.FactsAsync(media.Wav);
        var output = media.NewPath("thumb.jpg");

        await Assert.ThrowsAsync<MediaToolException>(
            () => MediaFixture.Transcoder().CreateThumbnailAsync(media.Wav, output, facts, CancellationToken.None));

        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task MediaJobs_HostileFileNames_Work()
    {
        // Leading '-', spaces, Chinese, quotes, a '%d' pattern and a long UTF-8 name (about 200 bytes).
        var name = "-证据 录像 \"引号\" 'q' 100%d " + string.Concat(Enumerable.Repeat("执法记录仪", 10)) + ".mp4";
        var input = media.NewPath(name);
        File.Copy(media.Clip360, input);
        var proxy = Path.Combine(Path.GetDirectoryName(input)!, "-代理 \"proxy\" %d.mp4");
        var thumb = Path.Combine(Path.GetDirectoryName(input)!, "-缩略图 'thumb' %03d.jpg");

        var facts = await MediaFixture.Probe().ProbeAsync(input, CancellationToken.None);
        await MediaFixture.Transcoder().CreateProxyAsync(input, proxy, ProxyPlan.Decide(facts), CancellationToken.None);
        await MediaFixture.Transcoder().CreateThumbnailAsync(input, thumb, facts, CancellationToken.None);

        Assert.Equal("h264", (await MediaFixture.FactsAsync(proxy)).Video!.Codec);
        Assert.True(MediaFile.IsJpeg(thumb));
        Assert.Equal(3, Directory.GetFiles(Path.GetDirectoryName(input)!).Length);
    }
}
