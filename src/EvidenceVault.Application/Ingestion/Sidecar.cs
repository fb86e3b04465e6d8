using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Ingestion;

/// <summary>A device's declared hash for a file, from a <c>&lt;file&gt;.sha256</c> sidecar in sha256sum format.</summary>
public static class Sidecar
{
    public const string Extension = ".sha256";

    /// <summary>Largest sidecar we read; a real one is one line.</summary>
    public const int MaxLength = 64 * 1024;

    public static bool IsSidecarName(string relativePath) => relativePath.EndsWith(Extension, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads the declared digest for <paramref name="fileName"/>. Accepts a bare digest, or
    /// "digest  name" / "digest *name" lines (the line naming the file wins). Null when malformed.
    /// </summary>
    public static Sha256Digest? Parse(string text, string fileName)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Sha256Digest? onlyDigest = null;
        foreach (var line in lines)
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var hex = space < 0 ? line : line[..space];
            if (!Sha256Digest.TryParse(hex, out var digest))
            {
                continue;
            }

            var name = space < 0 ? null : line[(space + 1)..].TrimStart(' ', '*');
            if (name is not null && Path.GetFileName(name.Replace('\\', '/')) == fileName)
            {
                return digest;
            }

            onlyDigest ??= lines.Length == 1 && name is null ? digest : null;
        }

        return onlyDigest;
    }
}
