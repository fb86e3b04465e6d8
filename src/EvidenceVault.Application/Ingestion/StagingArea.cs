namespace EvidenceVault.Application.Ingestion;

/// <summary>
/// The local folder where bytes land first (copied and hashed in one pass) before the vault takes them.
/// Anything left here by a crash is incomplete by definition and is removed at the next start.
/// </summary>
public sealed class StagingArea(string root)
{
    private const string PartialSuffix = ".partial";

    public string Root { get; } = root;

    public string NewFilePath(string extension = "")
    {
        Directory.CreateDirectory(Root);
        return Path.Combine(Root, Guid.NewGuid().ToString("N") + extension + PartialSuffix);
    }

    /// <summary>Removes files a crashed run left behind; returns how many.</summary>
    public int RemoveLeftovers()
    {
        if (!Directory.Exists(Root))
        {
            return 0;
        }

        var leftovers = Directory.GetFiles(Root, "*" + PartialSuffix);
        foreach (var file in leftovers)
        {
            File.Delete(file);
        }

        return leftovers.Length;
    }

    public static void DeleteIfExists(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
