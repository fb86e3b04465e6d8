using System.Security.Cryptography;
using System.Text;
using EvidenceVault.Application.Station;

namespace EvidenceVault.Devices.Station;

/// <summary>
/// Folders that other tools or network shares fill: a folder is docked once its contents have settled (the same names,
/// sizes and times on two scans in a row), and docked again whenever they change and settle anew. Files already
/// secured are then found by digest, so a re-run keeps each recording once.
/// </summary>
public sealed class WatchedFolderScanner(IReadOnlyList<string> folders) : IDockScanner
{
    private readonly Dictionary<string, string> _lastSeen = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<DockedDevice>> ScanAsync(CancellationToken cancellationToken)
    {
        var settled = new List<DockedDevice>();
        foreach (var folder in folders.Select(Path.GetFullPath))
        {
            var signature = Signature(folder);
            var previous = _lastSeen.GetValueOrDefault(folder);
            _lastSeen[folder] = signature ?? "";
            if (signature is not null && signature == previous)
            {
                settled.Add(new DockedDevice($"watch:{folder}:{signature}", folder, DockKind.WatchedFolder));
            }
        }

        return Task.FromResult<IReadOnlyList<DockedDevice>>(settled);
    }

    /// <summary>A digest of every file's path, size and modification time; null for a missing or empty folder.</summary>
    private static string? Signature(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var files = new DirectoryInfo(folder)
            .EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Select(f => $"{Path.GetRelativePath(folder, f.FullName)}\t{f.Length}\t{f.LastWriteTimeUtc.Ticks}")
            .Order(StringComparer.Ordinal)
            .ToList();
        return files.Count == 0 ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', files))))[..16];
    }
}
