using System.Diagnostics;
using EvidenceVault.Api.Tests;
using EvidenceVault.Application.Ingestion;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Web.Tests;

/// <summary>A real H.264 clip made by ffmpeg and ingested with its proxy and thumbnail, for the player.</summary>
public static class TestVideo
{
    /// <summary>Ingests a clip of <paramref name="seconds"/> of the test pattern made by <paramref name="officer"/>, with a steady tone when <paramref name="tone"/>; returns its id.</summary>
    public static async Task<string> IngestAsync(ApiHost host, OfficerId officer, int seconds = 4, string pattern = "testsrc", bool tone = false)
    {
        string[] sound = tone ? ["-f", "lavfi", "-i", $"sine=frequency=1000:sample_rate=48000:duration={seconds}", "-c:a", "aac"] : [];
        var folder = Directory.CreateTempSubdirectory("ev-web-video-").FullName;
        var path = Path.Combine(folder, "clip.mp4");
        using (var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg", ["-v", "error", "-f", "lavfi", "-i", $"{pattern}=size=320x240:rate=25:duration={seconds}", .. sound, "-c:v", "libx264", "-pix_fmt", "yuv420p", path]))!)
        {
            await ffmpeg.WaitForExitAsync();
            Assert.Equal(0, ffmpeg.ExitCode);
        }

        var report = await host.SendAsync(new IngestSourceCommand(folder, new IngestOptions(Officer: officer)));
        Directory.Delete(folder, recursive: true);
        return Assert.Single(report.Items).RecordingId!.Value.Value;
    }
}
