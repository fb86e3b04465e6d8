namespace EvidenceVault.Application.Media;

/// <summary>Makes browser-playable derivatives (ffmpeg in production). Never writes to its input.</summary>
public interface IMediaTranscoder
{
    /// <summary>
    /// Writes an MP4 (H.264/AAC, faststart, at most 720 lines) to <paramref name="outputPath"/> following
    /// <paramref name="plan"/>. Throws <see cref="MediaUnreadableException"/> when the input turns out corrupt
    /// (a truncated file must not yield a short "successful" proxy).
    /// </summary>
    Task CreateProxyAsync(string inputPath, string outputPath, ProxyPlan plan, CancellationToken cancellationToken);

    /// <summary>Writes a JPEG thumbnail (at most 320 pixels wide) taken from early in the media.</summary>
    Task CreateThumbnailAsync(string inputPath, string outputPath, MediaFacts facts, CancellationToken cancellationToken);

    /// <summary>
    /// Writes one JPEG tile sheet laid out as <paramref name="plan"/> says (a frame every <see cref="SpritePlan.Interval"/>,
    /// scaled to one tile, row by row). Throws <see cref="MediaUnreadableException"/> when no frame could be decoded.
    /// </summary>
    Task CreateSpriteAsync(string inputPath, string outputPath, SpritePlan plan, CancellationToken cancellationToken);
}
