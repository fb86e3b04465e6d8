using EvidenceVault.Application.Media;
using FFMpegCore;

namespace EvidenceVault.Media.FFmpeg;

/// <summary>Resolves the two binaries from the configured folder and refuses to run anything else.</summary>
internal sealed class FfmpegTools(FfmpegOptions options)
{
    public const string Ffmpeg = "ffmpeg";
    public const string Ffprobe = "ffprobe";

    public FfmpegOptions Options { get; } = options;

    public string FfmpegPath => Path.Combine(Options.BinaryFolder, Ffmpeg);

    public string FfprobePath => Path.Combine(Options.BinaryFolder, Ffprobe);

    /// <summary>
    /// Throws <see cref="MediaToolMissingException"/> unless both binaries exist in the configured folder.
    /// Called before every run (a stat is cheap) so a wrong folder never degrades into "whatever is on PATH".
    /// </summary>
    public void EnsureAvailable()
    {
        if (string.IsNullOrWhiteSpace(Options.BinaryFolder) || !Path.IsPathFullyQualified(Options.BinaryFolder))
        {
            throw new MediaToolMissingException(
                Ffmpeg, $"FfmpegOptions.BinaryFolder must be an absolute folder, not '{Options.BinaryFolder}'.");
        }

        foreach (var (tool, path) in new[] { (Ffmpeg, FfmpegPath), (Ffprobe, FfprobePath) })
        {
            if (!File.Exists(path))
            {
                throw new MediaToolMissingException(tool, $"{tool} was not found at '{path}'.");
            }
        }
    }

    /// <summary>A fresh FFMpegCore option set per call: global options are banned because they are process-wide.</summary>
    public FFOptions CreateFFOptions() => new() { BinaryFolder = Options.BinaryFolder };
}
