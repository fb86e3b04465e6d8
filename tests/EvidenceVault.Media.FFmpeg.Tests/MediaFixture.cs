using System.Diagnostics;
using EvidenceVault.Application.Media;
using Microsoft.Extensions.Options;

namespace EvidenceVault.Media.FFmpeg.Tests;

/// <summary>
/// Generates short real media with the real ffmpeg once for the whole test collection. When ffmpeg is missing
/// the constructor throws, so every test fails loudly instead of being skipped.
/// </summary>
public sealed class MediaFixture : IDisposable
{
    public const string BinaryFolder = FfmpegRun.BinaryFolder;

    public static async Task<MediaFacts> FactsAsync(string path) =>
        await Probe().ProbeAsync(path, CancellationToken.None);

    public MediaFixture()
    {
        var ffmpeg = Path.Combine(BinaryFolder, "ffmpeg");
        if (!File.Exists(ffmpeg) || !File.Exists(Path.Combine(BinaryFolder, "ffprobe")))
        {
            throw new InvalidOperationException($"These tests need ffmpeg and ffprobe in {BinaryFolder} (apt-get install ffmpeg).");
        }

        Folder = Directory.CreateTempSubdirectory("ev-media-tests-").FullName;

        // 1080p H.264/AAC, moov at the end as cameras write it, with a creation time tag.
        Clip1080 = Make("clip1080.mp4",
            "-f", "lavfi", "-i", "testsrc=size=1920x1080:rate=30", "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000",
            "-t", "3", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k",
            "-metadata", "creation_time=2024-05-01T08:30:00Z");

        // Browser-playable 640x360 without faststart: the remux case.
        Clip360 = Make("clip360.mp4",
            "-f", "lavfi", "-i", "testsrc=size=640x360:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
            "-t", "3", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k");

        Clip480Avi = Make("clip480.avi",
            "-f", "lavfi", "-i", "testsrc=size=640x480:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
            "-t", "3", "-c:v", "mpeg4", "-q:v", "8", "-c:a", "libmp3lame", "-b:a", "96k");

        // Detailed moving picture and a steady tone, with tags: what redaction tests look at and listen to.
        RedactionClip = Make("redaction.mp4",
            "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000",
            "-t", "4", "-c:v", "libx264", "-preset", "ultrafast", "-qp", "0", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k",
            "-metadata", "creation_time=2024-05-01T08:30:00Z");

        Wav = Make("audio.wav", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "3", "-c:a", "pcm_s16le");
        Jpeg = Make("still.jpg", "-f", "lavfi", "-i", "testsrc=size=1280x720:rate=1", "-frames:v", "1", "-q:v", "4");
        Png = Make("still.png", "-f", "lavfi", "-i", "testsrc=size=400x300:rate=1", "-frames:v", "1");

        // Noisy picture so the file is mostly media data; with faststart the index survives the cut.
        var faststart = Make("faststart.mp4",
            "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25,noise=alls=20:allf=t", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
            "-t", "4", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-movflags", "+faststart");
        TruncatedFaststart = Cut(faststart, "truncated-faststart.mp4", 0.6);
        TruncatedMoovAtEnd = Cut(Clip360, "truncated-moov-at-end.mp4", 0.5);

        RandomBytes = Path.Combine(Folder, "random.mp4");
        var bytes = new byte[64 * 1024];
        new Random(42).NextBytes(bytes);
        File.WriteAllBytes(RandomBytes, bytes);
    }

    public string Folder { get; }

    public string Clip1080 { get; }

    public string Clip360 { get; }

    public string Clip480Avi { get; }

    public string RedactionClip { get; }

    public string Wav { get; }

    public string Jpeg { get; }

    public string Png { get; }

    public string TruncatedFaststart { get; }

    public string TruncatedMoovAtEnd { get; }

    public string RandomBytes { get; }

    public static IOptions<FfmpegOptions> Options(Action<FfmpegOptions>? change = null)
    {
        var options = new FfmpegOptions { BinaryFolder = BinaryFolder };
        change?.Invoke(options);
        return Microsoft.Extensions.Options.Options.Create(options);
    }

    public static FfprobeMediaProbe Probe(Action<FfmpegOptions>? change = null) => new(Options(change));

    public static FfmpegMediaTranscoder Transcoder() => new(Options(), Probe());

    /// <summary>A fresh path in the fixture folder for a test's output.</summary>
    public string NewPath(string name)
    {
        var folder = Path.Combine(Folder, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private string Make(string name, params string[] arguments)
    {
        var output = Path.Combine(Folder, name);
        var start = new ProcessStartInfo(Path.Combine(BinaryFolder, "ffmpeg"))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in (string[])["-hide_banner", "-nostdin", "-loglevel", "error", "-y", .. arguments, output])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Generating {name} failed: {error}");
        }

        return output;
    }

    private string Cut(string source, string name, double fraction)
    {
        var bytes = File.ReadAllBytes(source);
        var output = Path.Combine(Folder, name);
        File.WriteAllBytes(output, bytes[..(int)(bytes.Length * fraction)]);
        return output;
    }
}

[CollectionDefinition(Name)]
public sealed class MediaCollection : ICollectionFixture<MediaFixture>
{
    public const string Name = "real ffmpeg media";
}
