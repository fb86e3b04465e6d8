using System.Diagnostics;

namespace EvidenceVault.Cli.Tests.Support;

/// <summary>Real media made once per test run with the real ffmpeg; tests copy these into recorder folders.</summary>
public sealed class SampleMedia : IDisposable
{
    public SampleMedia()
    {
        Folder = Directory.CreateTempSubdirectory("ev-media-").FullName;
        Video1080 = Make("v1080.mp4", "-f lavfi -i testsrc2=size=1920x1080:rate=30 -f lavfi -i sine=frequency=440:sample_rate=48000 -t 3 -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest");
        Video360 = Make("v360.mp4", "-f lavfi -i testsrc=size=640x360:rate=25 -f lavfi -i sine=frequency=660:sample_rate=48000 -t 2 -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest");
        Audio = Make("a.wav", "-f lavfi -i sine=frequency=300:sample_rate=16000 -t 2");
        Photo = Make("p.jpg", "-f lavfi -i testsrc=size=800x600:rate=1 -frames:v 1");
    }

    public string Folder { get; }

    public string Video1080 { get; }

    public string Video360 { get; }

    public string Audio { get; }

    public string Photo { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private string Make(string name, string arguments)
    {
        var output = Path.Combine(Folder, name);
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in $"-hide_banner -loglevel error -y {arguments}".Split(' '))
        {
            info.ArgumentList.Add(arg);
        }

        info.ArgumentList.Add(output);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("ffmpeg did not start: install it (tools/test.sh does).");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg failed making {name}: {error}");
        }

        return output;
    }
}
