namespace EvidenceVault.Api;

/// <summary>
/// Where a verified copy waits while it is streamed: the retrieval use case re-hashes into a file and withholds
/// it on mismatch, so no byte that failed the SHA-256 check ever reaches a client. The copy deletes itself on close.
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
