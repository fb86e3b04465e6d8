using EvidenceVault.Application.Diagnostics;

namespace EvidenceVault.Application.Ingestion;

/// <summary>
/// The local folder where bytes land first (copied and hashed in one pass) before the vault takes them, and media
/// work writes its proxies. Anything left here by a crash is incomplete by definition and is removed at the next
/// start; each file is named after the process writing it, so that only files of processes that are gone are
/// removed, never those of a worker or an upload at work in another process or beside the ingest.
/// </summary>
public sealed class StagingArea(string root)
{
    private const string PartialSuffix = ".partial";

    public string Root { get; } = root;

    public string NewFilePath(string extension = "")
    {
        Directory.CreateDirectory(Root);
        return Path.Combine(Root, $"{LocalProcess.Current.Replace(':', '-')}-{Guid.NewGuid():N}{extension}{PartialSuffix}");
    }

    /// <summary>Removes the files of processes that are no longer running (a crash, a kill); returns how many.</summary>
    public int RemoveLeftovers()
    {
        if (!Directory.Exists(Root))
        {
            return 0;
        }

        var leftovers = Directory.GetFiles(Root, "*" + PartialSuffix).Where(OwnerIsGone).ToList();
        foreach (var file in leftovers)
        {
            File.Delete(file);
        }

        return leftovers.Count;
    }

    /// <summary>Files not named after a process (an earlier version's) count as left behind.</summary>
    private static bool OwnerIsGone(string path) =>
        Path.GetFileName(path).Split('-') is not [var pid, var started, _, ..] || LocalProcess.Parse(pid, started) is not { } owner || !LocalProcess.IsAlive(owner.Pid, owner.StartTicks);

    public static void DeleteIfExists(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
