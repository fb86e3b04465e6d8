using System.Diagnostics;
using EvidenceVault.Application.Media;
using EvidenceVault.Media.FFmpeg;

namespace EvidenceVault.Hosting;

/// <summary>What one proxy run did: the plan, the exact ffmpeg command line, and how long it took.</summary>
public sealed record ProxyRun(ProxyMethod Method, IReadOnlyList<string> Command, double Seconds);

/// <summary>
/// Makes one proxy outside the vault and reports the exact command line used, so a benchmark can run
/// the same ffmpeg command by hand and compare.
/// </summary>
public sealed class ProxyDiagnostics(IMediaProbe probe, FfmpegMediaTranscoder transcoder)
{
    public async Task<ProxyRun> RunAsync(string input, string output, CancellationToken cancellationToken)
    {
        var plan = ProxyPlan.Decide(await probe.ProbeAsync(input, cancellationToken));
        var started = Stopwatch.GetTimestamp();
        await transcoder.CreateProxyAsync(input, output, plan, cancellationToken);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new ProxyRun(plan.Method, transcoder.DescribeProxyCommand(input, output, plan), seconds);
    }
}
