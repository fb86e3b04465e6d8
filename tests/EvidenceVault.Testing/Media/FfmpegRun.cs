using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace EvidenceVault.Testing.Media;

/// <summary>
/// The real ffmpeg run directly (not through the adapter under test), for making samples and for measuring what an
/// output holds: a frame's pixels, a span's loudness.
/// </summary>
public static partial class FfmpegRun
{
    /// <summary>Where Debian's ffmpeg package puts ffmpeg and ffprobe.</summary>
    public const string BinaryFolder = "/usr/bin";

    public static Task<(byte[] Output, string Error)> RunAsync(params string[] arguments) => RunAsync(arguments, "error");

    /// <summary>Runs ffmpeg to the end; a non-zero exit fails the test with ffmpeg's own words.</summary>
    public static async Task<(byte[] Output, string Error)> RunAsync(string[] arguments, string logLevel)
    {
        var start = new ProcessStartInfo(Path.Combine(BinaryFolder, "ffmpeg")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-hide_banner", "-nostdin", "-loglevel", logLevel, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var output = new MemoryStream();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.BaseStream.CopyToAsync(output);
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await error);
        return (output.ToArray(), await error);
    }

    /// <summary>The video frame at <paramref name="seconds"/> as 8-bit gray, row by row.</summary>
    public static async Task<byte[]> GrayFrameAsync(string path, double seconds) =>
        (await RunAsync("-ss", Seconds(seconds), "-i", path, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "gray", "-")).Output;

    /// <summary>The loudest sample in decibels over a span of the audio (volumedetect); negative infinity for digital silence.</summary>
    public static async Task<double> MaxVolumeAsync(string path, double from, double to)
    {
        var (_, error) = await RunAsync(["-ss", Seconds(from), "-t", Seconds(to - from), "-i", path, "-vn", "-af", "volumedetect", "-f", "null", "-"], "info");
        var match = MaxVolume().Match(error);
        Assert.True(match.Success, error);
        return match.Groups[1].Value == "-inf" ? double.NegativeInfinity : double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static string Seconds(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"max_volume: (-inf|-?[0-9.]+) dB")]
    private static partial Regex MaxVolume();
}
