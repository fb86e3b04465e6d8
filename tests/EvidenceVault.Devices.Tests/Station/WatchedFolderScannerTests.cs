using EvidenceVault.Application.Station;
using EvidenceVault.Devices.Station;

namespace EvidenceVault.Devices.Tests.Station;

public sealed class WatchedFolderScannerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ev-watch-").FullName;

    [Fact]
    public async Task Scan_FolderWhileFilesArrive_IsDockedOnlyOnceItSettles()
    {
        var scanner = new WatchedFolderScanner([_folder]);
        Assert.Empty(await scanner.ScanAsync(CancellationToken.None)); // empty

        await File.WriteAllBytesAsync(Path.Combine(_folder, "a.mp4"), new byte[10]);
        Assert.Empty(await scanner.ScanAsync(CancellationToken.None)); // changed since the last scan

        var settled = Assert.Single(await scanner.ScanAsync(CancellationToken.None));
        Assert.Equal(DockKind.WatchedFolder, settled.Kind);
        Assert.Equal(_folder, settled.Location);
        Assert.Equal(settled.Key, Assert.Single(await scanner.ScanAsync(CancellationToken.None)).Key);
    }

    [Fact]
    public async Task Scan_NewFileInASettledFolder_IsANewDockingOnceSettledAgain()
    {
        var scanner = new WatchedFolderScanner([_folder]);
        await File.WriteAllBytesAsync(Path.Combine(_folder, "a.mp4"), new byte[10]);
        await scanner.ScanAsync(CancellationToken.None);
        var first = Assert.Single(await scanner.ScanAsync(CancellationToken.None));

        Directory.CreateDirectory(Path.Combine(_folder, "sub"));
        await File.WriteAllBytesAsync(Path.Combine(_folder, "sub", "b.mp4"), new byte[20]);
        Assert.Empty(await scanner.ScanAsync(CancellationToken.None));
        var second = Assert.Single(await scanner.ScanAsync(CancellationToken.None));

        Assert.NotEqual(first.Key, second.Key);
    }

    [Fact]
    public async Task Scan_FolderThatIsGone_IsNotDocked()
    {
        var scanner = new WatchedFolderScanner([Path.Combine(_folder, "missing")]);

        Assert.Empty(await scanner.ScanAsync(CancellationToken.None));
        Assert.Empty(await scanner.ScanAsync(CancellationToken.None));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
