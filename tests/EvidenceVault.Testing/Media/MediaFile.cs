namespace EvidenceVault.Testing.Media;

/// <summary>Helpers for looking inside the files ffmpeg wrote.</summary>
public static class MediaFile
{
    /// <summary>Where Debian's ffmpeg and ffprobe are.</summary>
    public const string BinaryFolder = "/usr/bin";

    /// <summary>Top-level ISO-BMFF box types in file order.</summary>
    public static List<string> TopLevelBoxes(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream);
        var boxes = new List<string>();
        while (stream.Position + 8 <= stream.Length)
        {
            var start = stream.Position;
            var size = (long)ReadUInt32BigEndian(reader);
            var type = new string(reader.ReadChars(4));
            if (size == 1)
            {
                size = (long)((ulong)ReadUInt32BigEndian(reader) << 32 | ReadUInt32BigEndian(reader));
            }
            else if (size == 0)
            {
                size = stream.Length - start;
            }

            boxes.Add(type);
            stream.Position = start + size;
        }

        return boxes;
    }

    public static bool IsJpeg(string path)
    {
        var head = File.ReadAllBytes(path).AsSpan(0, 3);
        return head.SequenceEqual(new byte[] { 0xFF, 0xD8, 0xFF });
    }

    /// <summary>The picture of an image file as 8-bit gray, row by row (ffmpeg decodes it; the adapter is not involved).</summary>
    public static async Task<byte[]> GrayPixelsAsync(string path) =>
        (await RunFfmpegAsync("-i", path, "-f", "rawvideo", "-pix_fmt", "gray", "-")).Output;

    /// <summary>The video frame at <paramref name="seconds"/> as 8-bit gray, row by row.</summary>
    public static async Task<byte[]> GrayFrameAsync(string path, double seconds) =>
        (await RunFfmpegAsync("-ss", seconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture), "-i", path, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "gray", "-")).Output;

    /// <summary>The loudest sample in decibels over a span of the audio (volumedetect); negative infinity for digital silence.</summary>
    public static async Task<double> MaxVolumeAsync(string path, double from, double to)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var (_, error) = await RunFfmpegAsync(["-ss", from.ToString("0.###", invariant), "-t", (to - from).ToString("0.###", invariant), "-i", path, "-vn", "-af", "volumedetect", "-f", "null", "-"], "info");
        var match = System.Text.RegularExpressions.Regex.Match(error, @"max_volume: (-inf|-?[0-9.]+) dB");
        Assert.True(match.Success, error);
        return match.Groups[1].Value == "-inf" ? double.NegativeInfinity : double.Parse(match.Groups[1].Value, invariant);
    }

    private static Task<(byte[] Output, string Error)> RunFfmpegAsync(params string[] arguments) => RunFfmpegAsync(arguments, "error");

    private static async Task<(byte[] Output, string Error)> RunFfmpegAsync(string[] arguments, string logLevel)
    {
        var start = new System.Diagnostics.ProcessStartInfo(Path.Combine(BinaryFolder, "ffmpeg")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-hide_banner", "-nostdin", "-loglevel", logLevel, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        using var output = new MemoryStream();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.BaseStream.CopyToAsync(output);
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await error);
        return (output.ToArray(), await error);
    }

    /// <summary>Makes a test clip in <paramref name="folder"/> (the fixture's clips last 3 s; a sprite with rows needs more).</summary>
    public static async Task<string> MakeClipAsync(string folder, string name, string size, int seconds)
    {
        var output = Path.Combine(folder, name);
        var start = new System.Diagnostics.ProcessStartInfo(Path.Combine(BinaryFolder, "ffmpeg")) { RedirectStandardError = true };
        foreach (var argument in (string[])["-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i", $"testsrc=size={size}:rate=10", "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", output])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, error);
        return output;
    }

    private static uint ReadUInt32BigEndian(BinaryReader reader) =>
        System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(reader.ReadBytes(4));
}
