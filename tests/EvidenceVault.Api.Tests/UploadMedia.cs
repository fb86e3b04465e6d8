using System.Diagnostics;

namespace EvidenceVault.Api.Tests;

/// <summary>A real H.264/AAC MP4 made once with the real ffmpeg; about 2.4 MB, so several chunks.</summary>
public sealed class UploadMedia : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ev-upload-media-").FullName;

    public UploadMedia()
    {
        Path = System.IO.Path.Combine(_folder, "clip.mp4");
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var arg in "-hide_banner -loglevel error -y -f lavfi -i testsrc2=size=1280x720:rate=25 -f lavfi -i sine=frequency=440:sample_rate=48000 -t 3 -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest".Split(' '))
        {
            info.ArgumentList.Add(arg);
        }

        info.ArgumentList.Add(Path);
        using var ffmpeg = Process.Start(info) ?? throw new InvalidOperationException("ffmpeg did not start: install it (tools/test.sh does).");
        var error = ffmpeg.StandardError.ReadToEnd();
        ffmpeg.WaitForExit();
        Assert.True(ffmpeg.ExitCode == 0, $"ffmpeg failed: {error}");
        Bytes = File.ReadAllBytes(Path);
    }

    public string Path { get; }

    public byte[] Bytes { get; }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
