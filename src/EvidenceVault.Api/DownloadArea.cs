namespace EvidenceVault.Api;

/// <summary>
/// Where a verified copy waits while it is streamed, for what cannot be streamed from its stored handle: a case export,
/// and a download from a vault whose streams cannot seek. The copy deletes itself on close.
/// </summary>
public sealed class DownloadArea(string root)
{
    public string NewPath()
    {
        Directory.CreateDirectory(root);
        return Path.Combine(root, Guid.NewGuid().ToString("N"));
    }

    public static Stream OpenOnce(string path) =>
        new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Delete, 1 << 16, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
}
