using System.IO.Compression;

namespace EvidenceVault.Application.Export;

/// <summary>Reads a package as a list of <c>/</c>-separated paths, from a directory or a zip file, without extracting anything.</summary>
internal abstract class PackageReader : IDisposable
{
    public abstract IReadOnlyCollection<string> Files { get; }

    /// <summary>Paths a zip holds more than once: unzip tools differ in which copy they keep.</summary>
    public virtual IReadOnlyCollection<string> Duplicates => [];

    /// <summary>What the reader refused to list: links in a directory package, entries beyond the cap.</summary>
    public virtual IReadOnlyCollection<PackageProblem> Problems => [];

    public static PackageReader Open(string path) =>
        Directory.Exists(path) ? new DirectoryReader(path)
        : File.Exists(path) ? new ZipReader(path)
        : throw new FileNotFoundException($"There is no package at '{path}'.", path);

    /// <summary>Opens a listed file; null when the package has no such file.</summary>
    public abstract Task<Stream?> OpenAsync(string path, CancellationToken cancellationToken);

    public abstract void Dispose();

    private sealed class DirectoryReader : PackageReader
    {
        private readonly string _root;
        private readonly HashSet<string> _files = new(StringComparer.Ordinal);
        private readonly List<PackageProblem> _problems = [];
        private bool _capped;

        public DirectoryReader(string root)
        {
            _root = root;
            Walk(new DirectoryInfo(root));
        }

        public override IReadOnlyCollection<string> Files => _files;

        public override IReadOnlyCollection<PackageProblem> Problems => _problems;

        // Only paths the package itself holds are opened, so a manifest line such as ../../x never reads outside it.
        public override Task<Stream?> OpenAsync(string path, CancellationToken cancellationToken) =>
            Task.FromResult<Stream?>(_files.Contains(path)
                ? new FileStream(Path.Combine(_root, path), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.Asynchronous | FileOptions.SequentialScan)
                : null);

        public override void Dispose()
        {
        }

        /// <summary>
        /// Links are reported, never listed: a folder link can loop (data/loop -> ../..), a file link can put any file
        /// of the verifying machine (/etc/passwd) in the place of evidence.
        /// </summary>
        private void Walk(DirectoryInfo directory)
        {
            foreach (var entry in directory.EnumerateFileSystemInfos())
            {
                var relative = Path.GetRelativePath(_root, entry.FullName).Replace(Path.DirectorySeparatorChar, '/');
                if (entry.LinkTarget is { } target)
                {
                    _problems.Add(new PackageProblem(relative, "link", $"a symbolic link (to {target}); links in a package are not followed"));
                }
                else if (entry is DirectoryInfo folder)
                {
                    Walk(folder);
                }
                else if (_files.Count == PackageText.MaxLines)
                {
                    if (!_capped)
                    {
                        _problems.Add(new PackageProblem(relative, "malformed", $"the package holds more than {PackageText.MaxLines} files; the rest are not checked"));
                        _capped = true;
                    }
                }
                else
                {
                    _files.Add(relative);
                }
            }
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
