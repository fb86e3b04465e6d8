using EvidenceVault.Application.Media;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Media.FFmpeg.Tests;

public sealed class ProxyArgumentsTests
{
    [Fact]
    public void Build_Remux_CopiesStreamsWithFaststartAndXerror()
    {
        var arguments = ProxyArguments.Build("/in/a.mp4", "/out/b.mp4", new ProxyPlan(ProxyMethod.Remux, true, null));

        Assert.Contains("-xerror", arguments);
        Assert.Equal(["-c", "copy"], arguments.SkipWhile(a => a != "-c").Take(2));
        Assert.Equal("+faststart", arguments[arguments.ToList().IndexOf("-movflags") + 1]);
        Assert.Equal("/out/b.mp4", arguments[^1]);
    }

    [Fact]
    public void Build_RelativePathWithLeadingDash_PassesAbsolutePath()
    {
        var arguments = ProxyArguments.Build("-y.mp4", "-out.mp4", new ProxyPlan(ProxyMethod.Transcode, false, null));

        Assert.Equal(Path.GetFullPath("-y.mp4"), arguments[arguments.ToList().IndexOf("-i") + 1]);
        Assert.Equal(Path.GetFullPath("-out.mp4"), arguments[^1]);
        Assert.Contains("-an", arguments);
        Assert.Contains("libx264", arguments);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(0.04, null)]
    [InlineData(1.0, 0.5)]
    [InlineData(30.0, 1.0)]
    public void ThumbnailSeek_Duration_IsMinOfOneSecondAndHalf(double? seconds, double? expected)
    {
        var seek = ProxyArguments.ThumbnailSeek(seconds is { } s ? TimeSpan.FromSeconds(s) : null);

        Assert.Equal(expected, seek?.TotalSeconds);
    }

    [Theory]
    [InlineData(30.0, 29.5, false)]
    [InlineData(30.0, 28.8, true)]
    [InlineData(3600.0, 3598.5, true)]
    [InlineData(3.0, 2.9, false)]
    [InlineData(4.0, 2.4, true)]
    public void IsTruncated_Shortfall_FollowsOneSecondOrThreePercentRule(double expected, double actual, bool truncated)
    {
        Assert.Equal(truncated, FfmpegMediaTranscoder.IsTruncated(TimeSpan.FromSeconds(expected), TimeSpan.FromSeconds(actual)));
    }

    [Fact]
    public void ProxyTimeoutFor_Duration_IsMinimumPlusTwiceDuration()
    {
        var options = new FfmpegOptions();

        Assert.Equal(TimeSpan.FromMinutes(2), options.ProxyTimeoutFor(null));
        Assert.Equal(TimeSpan.FromMinutes(22), options.ProxyTimeoutFor(TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void AddFfmpegMedia_Configure_RegistersBothPortsAsSingletons()
    {
        using var provider = new ServiceCollection()
            .AddFfmpegMedia(o => o.BinaryFolder = "/opt/ffmpeg/bin")
            .BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<IMediaProbe>(), provider.GetRequiredService<IMediaProbe>());
        var transcoder = Assert.IsType<FfmpegMediaTranscoder>(provider.GetRequiredService<IMediaTranscoder>());
        Assert.Equal("/opt/ffmpeg/bin/ffmpeg", transcoder.DescribeProxyCommand("/a.mp4", "/b.mp4", new ProxyPlan(ProxyMethod.Remux, true, null))[0]);
    }
}

public sealed class PublicSurfaceTests
{
    [Fact]
    public void AdapterAssembly_PublicMembers_ExposeNoFfmpegCoreOrInstancesTypes()
    {
        var leaks = typeof(FfprobeMediaProbe).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMembers(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance
                | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly))
            .Select(m => $"{m.DeclaringType}.{m}")
            .Where(s => s.Contains("FFMpegCore", StringComparison.Ordinal) || s.Contains("Instances.", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(leaks);
    }
}
