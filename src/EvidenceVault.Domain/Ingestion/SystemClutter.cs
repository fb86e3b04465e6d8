namespace EvidenceVault.Domain.Ingestion;

/// <summary>Operating-system clutter that recorders and desktops leave on removable media.</summary>
public static class SystemClutter
{
    private static readonly string[] ClutterFolders =
        ["System Volume Information", ".Trashes", ".Spotlight-V100", ".fseventsd", "$RECYCLE.BIN", ".TemporaryItems", "LOST.DIR"];

    private static readonly string[] ClutterFiles = ["Thumbs.db", "desktop.ini", ".DS_Store", "ehthumbs.db"];

    /// <summary>True when a path (relative, '/'-separated) is clutter or lies inside a clutter folder.</summary>
    public static bool IsClutter(string relativePath)
    {
        var segments = relativePath.Split('/');
        if (segments[..^1].Any(s => ClutterFolders.Contains(s, StringComparer.OrdinalIgnoreCase)))
        {
            return true;
        }

        var name = segments[^1];
        return name.StartsWith("._", StringComparison.Ordinal)
            || ClutterFiles.Contains(name, StringComparer.OrdinalIgnoreCase)
            || ClutterFolders.Contains(name, StringComparer.OrdinalIgnoreCase);
    }
}
