using EvidenceVault.Application.Media;

namespace EvidenceVault.Media.FFmpeg.Tests;

[Collection(MediaCollection.Name)]
public sealed class FfprobeMediaProbeTests(MediaFixture media)
{
    [Fact]
    public async Task ProbeAsync_H264Aac1080pMp4_ReportsFacts()
    {
        var facts = await MediaFixture.Probe().ProbeAsync(media.Clip1080, CancellationToken.None);

        Assert.Contains("mp4", facts.FormatName.Split(','));
        Assert.InRange(facts.Duration!.Value.TotalSeconds, 2.9, 3.1);
        Assert.Equal(new VideoFacts("h264", 1920, 1080, "yuv420p", 30), facts.Video! with { FrameRate = Math.Round(facts.Video!.FrameRate!.Value) });
        Assert.Equal(new AudioFacts("aac", 48000, 1), facts.Audio);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 8, 30, 0, TimeSpan.Zero), facts.CreationTime);
        Assert.Equal(ProxyMethod.Transcode, ProxyPlan.Decide(facts).Method);
    }

    [Fact]
    public async Task ProbeAsync_WavAudio_ReportsAudioOnly()
    {
        var facts = await MediaFixture.Probe().ProbeAsync(media.Wav, CancellationToken.None);

        Assert.Equal("wav", facts.FormatName);
        Assert.False(facts.HasVideo);
        Assert.Equal(new AudioFacts("pcm_s16le", 48000, 1), facts.Audio);
        Assert.InRange(facts.Duration!.Value.TotalSeconds, 2.9, 3.1);
        Assert.Null(facts.CreationTime);
    }

    [Fact]
    public async Task ProbeAsync_Jpeg_ReportsStillAsVideo()
    {
        var facts = await MediaFixture.Probe().ProbeAsync(media.Jpeg, CancellationToken.None);

        Assert.Equal("mjpeg", facts.Video!.Codec);
        Assert.Equal((1280, 720), (facts.Video.Width, facts.Video.Height));
        Assert.False(facts.HasAudio);
    }

    [Fact]
    public async Task ProbeAsync_TruncatedMp4WithMoovAtEnd_ThrowsMediaUnreadable()
    {
        var ex = await Assert.ThrowsAsync<MediaUnreadableException>(
            () => MediaFixture.Probe().ProbeAsync(media.TruncatedMoovAtEnd, CancellationToken.None));

        Assert.Equal("ffprobe", ex.Tool);
        Assert.NotEqual(0, ex.ExitCode);
        Assert.Contains("moov atom not found", ex.ErrorTail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_RandomBytesNamedMp4_ThrowsMediaUnreadable()
    {
        var ex = await Assert.ThrowsAsync<MediaUnreadableException>(
            () => MediaFixture.Probe().ProbeAsync(media.RandomBytes, CancellationToken.None));

        Assert.False(string.IsNullOrWhiteSpace(ex.ErrorTail));
    }

    [Fact]
    public async Task ProbeAsync_FileWithoutStreams_ThrowsMediaUnreadable()
    {
        // An ffmetadata file is a valid ffprobe input with a format but no streams at all.
        var path = media.NewPath("metadata-only.txt");
        await File.WriteAllTextAsync(path, ";FFMETADATA1\ntitle=nothing here\n");

        var ex = await Assert.ThrowsAsync<MediaUnreadableException>(() => MediaFixture.Probe().ProbeAsync(path, CancellationToken.None));

        Assert.Contains("no audio or video", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_MissingBinaryFolder_ThrowsMediaToolMissing()
    {
        var probe = MediaFixture.Probe(o => o.BinaryFolder = "/nonexistent/ffmpeg-folder");

        await Assert.ThrowsAsync<MediaToolMissingException>(() => probe.ProbeAsync(media.Clip360, CancellationToken.None));
        await Assert.ThrowsAsync<MediaToolMissingException>(() => probe.DescribeToolsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ProbeAsync_CancelledToken_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => MediaFixture.Probe().ProbeAsync(media.Clip1080, cts.Token));
    }

    [Fact]
    public async Task ProbeAsync_TinyTimeout_ThrowsMediaToolTimeout()
    {
        var probe = MediaFixture.Probe(o => o.ProbeTimeout = TimeSpan.FromMilliseconds(1));

        var ex = await Assert.ThrowsAsync<MediaToolTimeoutException>(() => probe.ProbeAsync(media.Clip1080, CancellationToken.None));

        Assert.Equal("ffprobe", ex.Tool);
    }

    [Fact]
    public async Task ProbeAsync_MissingFile_ThrowsFileNotFound()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(
            () => MediaFixture.Probe().ProbeAsync(Path.Combine(media.Folder, "absent.mp4"), CancellationToken.None));
    }

    [Fact]
    public async Task DescribeToolsAsync_Installed_ReturnsFfmpegVersionLine()
    {
        var line = await MediaFixture.Probe().DescribeToolsAsync(CancellationToken.None);

        Assert.StartsWith("ffmpeg version ", line, StringComparison.Ordinal);
    }
}
