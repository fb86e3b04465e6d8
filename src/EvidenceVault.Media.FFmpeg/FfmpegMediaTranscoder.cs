using EvidenceVault.Application.Media;
using EvidenceVault.Domain.Redaction;
using Microsoft.Extensions.Options;

namespace EvidenceVault.Media.FFmpeg;

/// <summary><see cref="IMediaTranscoder"/> and <see cref="IMediaRedactor"/> over the ffmpeg CLI. Reads the input only; writes only the output path (and a filter script beside it).</summary>
public sealed class FfmpegMediaTranscoder : IMediaTranscoder, IMediaRedactor
{
    // Failures that say nothing about the input: retrying later may work, so they are not "unreadable".
    private static readonly string[] EnvironmentFailures =
        ["No space left", "Permission denied", "Cannot allocate memory", "Unknown encoder", "Read-only file system"];

    private readonly FfmpegTools tools;
    private readonly IMediaProbe probe;

    public FfmpegMediaTranscoder(IOptions<FfmpegOptions> options, IMediaProbe probe)
    {
        tools = new FfmpegTools(options.Value);
        this.probe = probe;
    }

    /// <summary>The full command line (executable first, one element per argv entry) a proxy run would execute.</summary>
    public IReadOnlyList<string> DescribeProxyCommand(string inputPath, string outputPath, ProxyPlan plan) =>
        [tools.FfmpegPath, .. ProxyArguments.Build(inputPath, outputPath, plan)];

    /// <inheritdoc />
    /// <remarks>
    /// Afterwards the output is probed: when <see cref="ProxyPlan.ExpectedDuration"/> is known and the proxy is
    /// shorter by more than 1 s, or by more than 3 % (but at least 0.25 s, to absorb frame and AAC-packet
    /// rounding on short clips), the input is deemed truncated. On any failure the output file is deleted.
    /// </remarks>
    /// <exception cref="FileNotFoundException">The input does not exist.</exception>
    /// <exception cref="ArgumentException">The output path is the input path.</exception>
    public async Task CreateProxyAsync(string inputPath, string outputPath, ProxyPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var (input, output) = PrepareRun(inputPath, outputPath, cancellationToken);
        try
        {
            using (var alias = InputAlias.For(input))
            {
                var arguments = ProxyArguments.Build(alias.Path, output, plan);
                await RunAsync(arguments, tools.Options.ProxyTimeoutFor(plan.ExpectedDuration), "make a proxy", cancellationToken);
            }

            await EnsureWholeAsync(output, plan.ExpectedDuration, "proxy", cancellationToken);
        }
        catch
        {
            TryDelete(output);
            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Works for video and for still images (JPEG, PNG). Audio-only media has no picture: the caller must check
    /// <see cref="MediaFacts.HasVideo"/>; asking anyway throws a <see cref="MediaToolException"/> without running ffmpeg.
    /// </remarks>
    /// <exception cref="FileNotFoundException">The input does not exist.</exception>
    public async Task CreateThumbnailAsync(string inputPath, string outputPath, MediaFacts facts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var (input, output) = PrepareRun(inputPath, outputPath, cancellationToken);
        if (!facts.HasVideo)
        {
            throw new MediaToolException(FfmpegTools.Ffmpeg, "The media has no video stream, so there is no thumbnail to take.", null, null);
        }

        try
        {
            using var alias = InputAlias.For(input);
            var arguments = ProxyArguments.BuildThumbnail(alias.Path, output, ProxyArguments.ThumbnailSeek(facts.Duration));
            await RunAsync(arguments, tools.Options.ThumbnailTimeout, "take a thumbnail", cancellationToken);

            // ffmpeg exits 0 with "Output file is empty" when the seek found no frame.
            if (new FileInfo(output) is not { Exists: true, Length: > 0 })
            {
                throw new MediaUnreadableException(FfmpegTools.Ffmpeg, "ffmpeg decoded no frame for the thumbnail.", 0, null);
            }
        }
        catch
        {
            TryDelete(output);
            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>The whole input is decoded once; the run's budget grows with the media's duration, like a proxy's.</remarks>
    /// <exception cref="FileNotFoundException">The input does not exist.</exception>
    public async Task CreateSpriteAsync(string inputPath, string outputPath, SpritePlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var (input, output) = PrepareRun(inputPath, outputPath, cancellationToken);
        try
        {
            using var alias = InputAlias.For(input);
            var arguments = ProxyArguments.BuildSprite(alias.Path, output, plan);
            await RunAsync(arguments, tools.Options.SpriteTimeoutFor(plan.Duration), "make a preview sprite", cancellationToken);
            if (new FileInfo(output) is not { Exists: true, Length: > 0 })
            {
                throw new MediaUnreadableException(FfmpegTools.Ffmpeg, "ffmpeg decoded no frame for the preview sprite.", 0, null);
            }
        }
        catch
        {
            TryDelete(output);
            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>The budget is a proxy's for the same duration; the copy is probed afterwards and must be as long as the input.</remarks>
    /// <exception cref="FileNotFoundException">The input does not exist.</exception>
    public async Task CreateRedactionAsync(string inputPath, string outputPath, RedactionSpec spec, MediaFacts facts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(facts);
        var (input, output) = PrepareRun(inputPath, outputPath, cancellationToken);
        var script = output + ".filters";
        try
        {
            await File.WriteAllTextAsync(script, RedactionArguments.FilterScript(spec, facts.Video?.Width ?? 0, facts.Video?.Height ?? 0, tools.Options.RedactionMotionStep), cancellationToken);
            using (var alias = InputAlias.For(input))
            {
                var arguments = RedactionArguments.Build(alias.Path, script, output, spec, facts.HasAudio);
                await RunAsync(arguments, tools.Options.ProxyTimeoutFor(facts.Duration), "make a redacted copy", cancellationToken);
            }

            await EnsureWholeAsync(output, facts.Duration, "redacted copy", cancellationToken);
        }
        catch
        {
            TryDelete(output);
            throw;
        }
        finally
        {
            TryDelete(script);
        }
    }

    /// <inheritdoc />
    public Task<string> DescribeToolAsync(CancellationToken cancellationToken) => probe.DescribeToolsAsync(cancellationToken);

    /// <summary>Probes what was made: an output shorter than the probe promised means the input was truncated.</summary>
    private async Task EnsureWholeAsync(string output, TimeSpan? expectedDuration, string what, CancellationToken cancellationToken)
    {
        var made = await probe.ProbeAsync(output, cancellationToken);
        if (expectedDuration is { } expected && IsTruncated(expected, made.Duration ?? TimeSpan.Zero))
        {
            throw new MediaUnreadableException(
                FfmpegTools.Ffmpeg,
                $"The input looks truncated: the {what} lasts {made.Duration?.TotalSeconds ?? 0:0.##} s, the probe promised {expected.TotalSeconds:0.##} s.",
                0,
                null);
        }
    }

    internal static bool IsTruncated(TimeSpan expected, TimeSpan actual)
    {
        var shortfall = expected - actual;
        var relativeLimit = expected * 0.03;
        var floor = TimeSpan.FromSeconds(0.25);
        return shortfall > TimeSpan.FromSeconds(1) || (shortfall > relativeLimit && shortfall > floor);
    }

    private (string Input, string Output) PrepareRun(string inputPath, string outputPath, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        tools.EnsureAvailable();
        var input = Path.GetFullPath(inputPath);
        var output = Path.GetFullPath(outputPath);
        if (string.Equals(input, output, StringComparison.Ordinal))
        {
            throw new ArgumentException("The output path must differ from the input path; the input is never written.", nameof(outputPath));
        }

        if (!File.Exists(input))
        {
            throw new FileNotFoundException("The media file does not exist.", input);
        }

        return (input, output);
    }

    private async Task RunAsync(IReadOnlyList<string> arguments, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        var result = await ToolProcess.RunAsync(FfmpegTools.Ffmpeg, tools.FfmpegPath, arguments, timeout, cancellationToken);
        if (result.ExitCode == 0)
        {
            return;
        }

        var tail = ToolProcess.Tail(result.ErrorTail);
        var message = $"ffmpeg could not {what} (exit code {result.ExitCode}).";
        if (tail is not null && EnvironmentFailures.Any(f => tail.Contains(f, StringComparison.OrdinalIgnoreCase)))
        {
            throw new MediaToolException(FfmpegTools.Ffmpeg, message, result.ExitCode, tail);
        }

        // The input was probed fine before we got here, so a failed decode means the data itself is bad.
        throw new MediaUnreadableException(FfmpegTools.Ffmpeg, message, result.ExitCode, tail);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the caller owns the temp path and cleans its folder anyway.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
