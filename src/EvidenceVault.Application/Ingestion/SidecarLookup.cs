using System.Text;
using EvidenceVault.Application.Sources;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Ingestion;

/// <summary>Finds and reads the <c>.sha256</c> sidecars that sit next to recorder files in one listing.</summary>
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
            await using var stream = await _source.OpenReadAsync(sidecar, cancellationToken);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var text = await reader.ReadToEndAsync(cancellationToken);
            return (Sidecar.Parse(text, Path.GetFileName(path)), true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, true);
        }
    }
}
