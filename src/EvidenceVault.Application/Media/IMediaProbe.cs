namespace EvidenceVault.Application.Media;

/// <summary>Reads facts about a media file (ffprobe in production).</summary>
public interface IMediaProbe
{
    /// <summary>
    /// Probes a local file. Throws <see cref="MediaUnreadableException"/> when the file is not readable media
    /// (truncated, corrupt), <see cref="MediaToolException"/> for tool failures, and honours cancellation.
    /// </summary>
    Task<MediaFacts> ProbeAsync(string localPath, CancellationToken cancellationToken);

    /// <summary>The versions of the media tools, or a <see cref="MediaToolMissingException"/> when they cannot run.</summary>
    Task<string> DescribeToolsAsync(CancellationToken cancellationToken);
}
