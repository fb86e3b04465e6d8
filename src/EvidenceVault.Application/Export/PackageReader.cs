using System.IO.Compression;

namespace EvidenceVault.Application.Export;

/// <summary>Reads a package as a list of <c>/</c>-separated paths, from a directory or a zip file, without extracting anything.</summary>
internal abstract class PackageReader : IDisposable
{
    public abstract IReadOnlyCollection<string> Files { get; }

    /// <summary>Paths a zip holds more than once: unzip tools differ in which copy they keep.</summary>
    public virtual IReadOnlyCollection<string> Duplicates => [];

    public static PackageReader Open(string path) =>
        Directory.Exists(path) ? new DirectoryReader(path)
        : File.Exists(path) ? new ZipReader(path)
        : throw new FileNotFoundException($"There is no package at '{path}'.", path);

    /// <summary>Opens a listed file; null when the package has no such file.</summary>
    public abstract Task<Stream?> OpenAsync(string path, CancellationToken cancellationToken);

    public abstract void Dispose();

    private sealed class DirectoryReader(string root) : PackageReader
    {
        public override IReadOnlyCollection<string> Files { get; } =
            [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))];

        // Only paths the package itself holds are opened, so a manifest line such as ../../x never reads outside it.
        public override Task<Stream?> OpenAsync(string path, CancellationToken cancellationToken) =>
            Task.FromResult<Stream?>(Files.Contains(path)
                ? new FileStream(Path.Combine(root, path), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.Asynchronous | FileOptions.SequentialScan)
                : null);

        public override void Dispose()
        {
        }
    }

    private sealed class ZipReader : PackageReader
    {
        private readonly ZipArchive _zip;
        private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.Ordinal);
        private readonly List<string> _duplicates = [];

        public ZipReader(string path)
        {
            _zip = ZipFile.OpenRead(path);
            foreach (var entry in _zip.Entries.Where(e => !e.FullName.EndsWith('/')))
            {
                if (!_entries.TryAdd(entry.FullName, entry))
                {
                    _duplicates.Add(entry.FullName);
                }
            }
        }

        public override IReadOnlyCollection<string> Files => _entries.Keys;

        public override IReadOnlyCollection<string> Duplicates => _duplicates;

        public override async Task<Stream?> OpenAsync(string path, CancellationToken cancellationToken) =>
            _entries.TryGetValue(path, out var entry) ? await entry.OpenAsync(cancellationToken) : null;

        public override void Dispose() => _zip.Dispose();
    }
}
