using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using EvidenceVault.Application.Media;
using FFMpegCore;
using FFMpegCore.Exceptions;
using Instances.Exceptions;
using Microsoft.Extensions.Options;

namespace EvidenceVault.Media.FFmpeg;

/// <summary>
/// <see cref="IMediaProbe"/> over ffprobe (through FFMpegCore). FFMpegCore exceptions are translated and never
/// passed on, not even as inner exceptions, so callers only ever see the port's exception types.
/// </summary>
public sealed class FfprobeMediaProbe : IMediaProbe
{
    private readonly FfmpegTools tools;

    public FfprobeMediaProbe(IOptions<FfmpegOptions> options)
    {
        tools = new FfmpegTools(options.Value);
    }

    /// <inheritdoc />
    /// <exception cref="FileNotFoundException">The file does not exist (a caller bug, not a media problem).</exception>
    public async Task<MediaFacts> ProbeAsync(string localPath, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        tools.EnsureAvailable();
        var fullPath = Path.GetFullPath(localPath);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException("The media file to probe does not exist.", fullPath);
        }

        var timeout = tools.Options.ProbeTimeout;
        using var alias = InputAlias.For(fullPath);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(timeout);
        IMediaAnalysis analysis;
        try
        {
            analysis = await FFProbe.AnalyseAsync(alias.Path, tools.CreateFFOptions(), customArguments: null, budget.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException ex)
        {
            throw new MediaToolTimeoutException(FfmpegTools.Ffprobe, timeout, ex);
        }
        catch (FFProbeProcessException ex)
        {
            throw new MediaUnreadableException(
                FfmpegTools.Ffprobe, "ffprobe could not read the file as media.", ex.ExitCode, ToolProcess.Tail(ex.StandardError));
        }
        catch (JsonException ex)
        {
            throw new MediaUnreadableException(FfmpegTools.Ffprobe, "ffprobe returned output that is not valid JSON.", null, ex.Message);
        }
        catch (Exception ex) when (ex is InstanceException or Win32Exception)
        {
            throw new MediaToolMissingException(FfmpegTools.Ffprobe, $"ffprobe could not be started: {ex.Message}");
        }
        catch (FFMpegException ex)
        {
            // FFMpegCore's own failures (e.g. no format section): the tool ran but gave nothing usable.
            throw new MediaUnreadableException(FfmpegTools.Ffprobe, $"ffprobe gave no usable analysis: {ex.Message}", null, null);
        }

        return ToFacts(analysis);
    }

    /// <inheritdoc />
    public async Task<string> DescribeToolsAsync(CancellationToken cancellationToken)
    {
        tools.EnsureAvailable();
        var result = await ToolProcess.RunAsync(
            FfmpegTools.Ffmpeg, tools.FfmpegPath, ["-hide_banner", "-version"], tools.Options.ProbeTimeout, cancellationToken);
        var firstLine = result.OutputHead.FirstOrDefault(l => l.Length > 0);
        if (result.ExitCode != 0 || firstLine is null)
        {
            throw new MediaToolMissingException(
                FfmpegTools.Ffmpeg, $"'{tools.FfmpegPath} -version' failed with exit code {result.ExitCode}: {ToolProcess.Tail(result.ErrorTail)}");
        }

        return firstLine;
    }

    internal static MediaFacts ToFacts(IMediaAnalysis analysis)
    {
        // Cover art in an audio file is a video stream with the attached_pic disposition: it is not video.
        var video = analysis.VideoStreams.FirstOrDefault(v => !IsAttachedPicture(v));
        var audio = analysis.PrimaryAudioStream;
        if (video is null && audio is null)
        {
            throw new MediaUnreadableException(
                FfmpegTools.Ffprobe, "The file has no audio or video streams.", 0, ToolProcess.Tail(analysis.StandardError));
        }

        var duration = analysis.Duration > TimeSpan.Zero ? analysis.Duration : (TimeSpan?)null;
        return new MediaFacts(
            analysis.Format?.FormatName ?? "unknown",
            duration,
            video is null ? null : new VideoFacts(
                video.CodecName ?? "unknown", video.Width ?? 0, video.Height ?? 0, video.PixelFormat, FrameRate(video)),
            audio is null ? null : new AudioFacts(audio.CodecName ?? "unknown", audio.SampleRateHz, audio.Channels),
            CreationTime(analysis.Format?.Tags) ?? CreationTime(video?.Tags) ?? CreationTime(audio?.Tags));
    }

    private static bool IsAttachedPicture(VideoStream stream) =>
        stream.Disposition is { } d && d.TryGetValue("attached_pic", out var attached) && attached;

    private static double? FrameRate(VideoStream video)
    {
        foreach (var rate in new[] { video.AverageFrameRate, video.RealFrameRate })
        {
            if (double.IsFinite(rate) && rate > 0)
            {
                return rate;
            }
        }

        return null;
    }

    private static DateTimeOffset? CreationTime(IReadOnlyDictionary<string, string>? tags)
    {
        var value = tags?.FirstOrDefault(t => string.Equals(t.Key, "creation_time", StringComparison.OrdinalIgnoreCase)).Value;

        // Cameras write UTC ("2024-05-01T08:30:00.000000Z"); a value without a zone is taken as UTC too.
        return DateTimeOffset.TryParse(
            value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed)
            ? parsed
            : null;
    }
}
