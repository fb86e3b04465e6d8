using EvidenceVault.Application.Sources;

namespace EvidenceVault.Devices.Tests;

public sealed class MassStorageRecorderSourceTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ev-device-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task EnumerateAsync_NestedFiles_ListsRelativeSlashPathsInOrdinalOrder()
    {
        Write("DCIM/100MEDIA/b.mp4", "b");
        Write("DCIM/100MEDIA/a.mp4", "aa");
        Write("RECORD/执法 记录.wav", "c");

        var entries = await ListAsync();

        Assert.Equal(["DCIM/100MEDIA/a.mp4", "DCIM/100MEDIA/b.mp4", "RECORD/执法 记录.wav"], entries.Select(e => e.RelativePath));
        Assert.Equal(2, entries[0].Length);
        Assert.All(entries, e => Assert.Equal(SourceEntryType.File, e.Type));
    }

    [Fact]
    public async Task EnumerateAsync_SymbolicLinks_AreReportedAndNeverFollowed()
    {
        Write("real/a.mp4", "a");
        File.CreateSymbolicLink(Path.Combine(_root, "escape.mp4"), "/etc/passwd");
        Directory.CreateSymbolicLink(Path.Combine(_root, "loop"), _root);

        var entries = await ListAsync();

        Assert.Equal(SourceEntryType.SymbolicLink, entries.Single(e => e.RelativePath == "escape.mp4").Type);
        Assert.Equal(SourceEntryType.SymbolicLink, entries.Single(e => e.RelativePath == "loop").Type);
        Assert.DoesNotContain(entries, e => e.RelativePath.StartsWith("loop/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefreshAsync_FileGrew_ReportsNewLength()
    {
        Write("grow.mp4", "a");
        var source = new MassStorageRecorderSource(_root);
        var entry = (await ListAsync()).Single();
        await File.AppendAllTextAsync(Path.Combine(_root, "grow.mp4"), "more");

        var refreshed = await source.RefreshAsync(entry, CancellationToken.None);

        Assert.Equal(5, refreshed.Length);
    }

    [Fact]
    public async Task OpenReadAsync_HostileName_ReadsTheRightFile()
    {
        Write("-rf --help $(x).mp4", "hostile");
        var source = new MassStorageRecorderSource(_root);
        var entry = (await ListAsync()).Single();

        await using var stream = await source.OpenReadAsync(entry, CancellationToken.None);

        Assert.Equal("hostile", await new StreamReader(stream).ReadToEndAsync());
    }

    [Fact]
    public async Task DeleteAsync_File_RemovesItFromTheDevice()
    {
        Write("a.mp4", "a");
        var source = new MassStorageRecorderSource(_root);

        await source.DeleteAsync((await ListAsync()).Single(), CancellationToken.None);

        Assert.False(File.Exists(Path.Combine(_root, "a.mp4")));
    }

    [Fact]
    public void Constructor_MissingDirectory_ThrowsClearError()
    {
        var ex = Assert.Throws<RecorderSourceException>(() => new MassStorageRecorderSource(Path.Combine(_root, "nope")));

        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FactoryOpen_SingleFile_ListsOnlyThatFileAndItsSidecar()
    {
        Write("notes/决定书.txt", "a");
        Write("notes/决定书.txt.sha256", "b");
        Write("notes/other.txt", "c");
        Write("notes/sub/deep.txt", "d");
        var source = new MassStorageRecorderSourceFactory().Open(Path.Combine(_root, "notes", "决定书.txt"));

        var listed = new List<string>();
        await foreach (var entry in source.EnumerateAsync(CancellationToken.None))
        {
            listed.Add(entry.RelativePath);
        }

        Assert.Equal(["决定书.txt", "决定书.txt.sha256"], listed);
    }

    [Fact]
    public async Task OpenReadAsync_FileSwappedForSymlinkAfterListing_ThrowsSourceChanged()
    {
        Write("swap.mp4", "evidence");
        var path = Path.Combine(_root, "swap.mp4");
        var source = new MassStorageRecorderSource(_root);
        var entry = (await ListAsync()).Single();

        // The attack: after enumeration, replace the file with a link to a file outside the source.
        var outside = Path.Combine(Directory.CreateTempSubdirectory("ev-outside-").FullName, "secret");
        await File.WriteAllTextAsync(outside, "secret!!");
        File.Delete(path);
        File.CreateSymbolicLink(path, outside);

        await Assert.ThrowsAsync<SourceChangedException>(async () => await source.OpenReadAsync(entry, CancellationToken.None));
    }

    [Fact]
    public async Task OpenReadAsync_FileReplacedByAnotherFileAfterListing_ThrowsSourceChanged()
    {
        Write("swap.mp4", "evidence");
        var source = new MassStorageRecorderSource(_root);
        var entry = (await ListAsync()).Single();
        var other = Path.Combine(_root, "other.tmp");
        await File.WriteAllTextAsync(other, "forgery!");
        File.Move(other, Path.Combine(_root, "swap.mp4"), overwrite: true);

        await Assert.ThrowsAsync<SourceChangedException>(async () => await source.OpenReadAsync(entry, CancellationToken.None));
    }

    [Fact]
    public async Task EnumerateAsync_Fifo_IsSpecialNotAFile()
    {
        Write("keep.mp4", "a");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(_root, "x.MP4.sha256")))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var entries = await ListAsync();

        Assert.Equal(SourceEntryType.Special, entries.Single(e => e.RelativePath == "x.MP4.sha256").Type);
        Assert.Equal(SourceEntryType.File, entries.Single(e => e.RelativePath == "keep.mp4").Type);
    }

    private void Write(string relative, string content)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private async Task<List<SourceEntry>> ListAsync()
    {
        var list = new List<SourceEntry>();
        await foreach (var entry in new MassStorageRecorderSource(_root).EnumerateAsync(CancellationToken.None))
        {
            list.Add(entry);
        }

        return list;
    }
}
