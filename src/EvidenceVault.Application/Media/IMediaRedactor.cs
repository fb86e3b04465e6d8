using EvidenceVault.Domain.Redaction;

namespace EvidenceVault.Application.Media;

/// <summary>Makes redacted copies (ffmpeg in production). Never writes to its input.</summary>
public interface IMediaRedactor
{
    /// <summary>
    /// Writes an MP4 of the input at <paramref name="inputPath"/> at its own size with what <paramref name="spec"/> hides
    /// hidden and no container tags. The spec must already fit <paramref name="facts"/> (<see cref="RedactionSpec.CheckFits"/>).
    /// Throws <see cref="MediaUnreadableException"/> when the input turns out corrupt or the copy comes out short.
    /// </summary>
    Task CreateRedactionAsync(string inputPath, string outputPath, RedactionSpec spec, MediaFacts facts, CancellationToken cancellationToken);

    /// <summary>The ffmpeg version line that makes the copies, for the copy's lineage.</summary>
    Task<string> DescribeToolAsync(CancellationToken cancellationToken);
}
