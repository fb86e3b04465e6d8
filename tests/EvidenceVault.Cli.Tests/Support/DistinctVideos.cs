using System.Diagnostics;

namespace EvidenceVault.Cli.Tests.Support;

/// <summary>Many distinct small videos made cheaply: one tiny H.264 clip remuxed with a different comment each.</summary>
public static class DistinctVideos
{
    /// <summary>Writes <c>clip00.mp4</c>… into <paramref name="folder"/>, <paramref name="first"/> being the first number.</summary>
    public static IReadOnlyList<string> Make(string scratch, string folder, int count, int first = 0)
    {
        var clip = Path.Combine(scratch, "clip.mp4");
        if (!File.Exists(clip))
        {
            Ffmpeg(["-f", "lavfi", "-i", "testsrc=size=160x120:rate=10", "-t", "1", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", clip]);
        }

        var args = new List<string> { "-i", clip };
        var made = new List<string>();
        for (var i = first; i < first + count; i++)
        {
            var path = Path.Combine(folder, $"clip{i:00}.mp4");
            args.AddRange(["-map", "0", "-c", "copy", "-metadata", $"comment=clip {i}", path]);
            made.Add(path);
        }

        Ffmpeg(args);
        return made;
    }

    private static void Ffmpeg(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var arg in (string[])["-hide_banner", "-loglevel", "error", "-y", .. args])
        {
            info.ArgumentList.Add(arg);
        }

        using var ffmpeg = Process.Start(info)!;
        var error = ffmpeg.StandardError.ReadToEnd();
        ffmpeg.WaitForExit();
        Assert.True(ffmpeg.ExitCode == 0, error);
    }
}
