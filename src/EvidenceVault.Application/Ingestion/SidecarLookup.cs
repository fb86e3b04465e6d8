using System.Text;
using EvidenceVault.Application.Sources;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Ingestion;

/// <summary>
/// Finds and reads the <c>.sha256</c> sidecars that sit next to recorder files in one listing; only regular files
/// are sidecars (a FIFO or device node is reported on its own and never opened).
/// </summary>
public sealed class SidecarLookup
{
    private readonly IRecorderSource _source;
    private readonly Dictionary<string, SourceEntry> _entries;

    public SidecarLookup(IRecorderSource source, IEnumerable<SourceEntry> entries)
    {
        _source = source;
        _entries = entries.Where(e => e.Type == SourceEntryType.File).ToDictionary(e => e.RelativePath, StringComparer.Ordinal);
    }

    /// <summary>True when <paramref name="path"/> is a sidecar whose file is in the same listing.</summary>
    public bool IsSidecarOfListedFile(string path) =>
        Sidecar.IsSidecarName(path) && _entries.ContainsKey(path[..^Sidecar.Extension.Length]);

    public SourceEntry? SidecarOf(string path) => _entries.GetValueOrDefault(path + Sidecar.Extension);

    /// <summary>The declared digest (null when absent or malformed) and whether a sidecar exists at all.</summary>
    public async Task<(Sha256Digest? Declared, bool Present)> ReadDeclaredAsync(string path, CancellationToken cancellationToken)
    {
        if (SidecarOf(path) is not { } sidecar)
        {
            return (null, false);
        }

        if (sidecar.Length > Sidecar.MaxLength)
        {
            return (null, true);
        }

        try
        {
            // The listed size is only what the listing saw: never read more than the cap, whatever the file has become.
            await using var stream = await _source.OpenReadAsync(sidecar, cancellationToken);
            var buffer = new byte[Sidecar.MaxLength + 1];
            var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            return read > Sidecar.MaxLength
                ? (null, true)
                : (Sidecar.Parse(Encoding.UTF8.GetString(buffer, 0, read), Path.GetFileName(path)), true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, true);
        }
    }
}
