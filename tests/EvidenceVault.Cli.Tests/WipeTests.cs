using EvidenceVault.Cli.Tests.Support;

namespace EvidenceVault.Cli.Tests;

[Collection(MediaCollection.Name)]
public sealed class WipeTests(SampleMedia media) : IDisposable
{
    private readonly Workspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Ingest_WithoutWipe_LeavesDeviceUntouched()
    {
        var clip = _ws.Put("clip.mp4", media.Video360);

        await _ws.IngestAsync("--defer-media");

        Assert.True(File.Exists(clip));
    }

    [Fact]
    public async Task Ingest_Wipe_DeletesVerifiedFilesAndTheirSidecarsOnly()
    {
        var clip = _ws.Put("clip.mp4", media.Video360);
        var sidecar = _ws.Write("clip.mp4.sha256", System.Text.Encoding.ASCII.GetBytes($"{IngestCommandTests.Sha256Of(clip)}  clip.mp4"));
        var empty = _ws.Write("empty.mp4", []);
        var clutter = _ws.Write("Thumbs.db", "x"u8.ToArray());

        var result = await _ws.IngestAsync("--defer-media", "--wipe");

        Assert.True(Workspace.Item(result, "clip.mp4").GetProperty("wiped").GetBoolean());
        Assert.False(File.Exists(clip));
        Assert.False(File.Exists(sidecar));
        Assert.True(File.Exists(empty));
        Assert.True(File.Exists(clutter));
        Assert.Equal(1, _ws.CountVaultOriginals());
    }

    [Fact]
    public async Task Ingest_WipeWhenStoredCopyIsDamaged_KeepsDeviceCopy()
    {
        var clip = _ws.Put("clip.mp4", media.Video360);
        await _ws.IngestAsync("--defer-media");
        var stored = Directory.GetFiles(_ws.VaultOriginals, "*", SearchOption.AllDirectories).Single();
        File.SetAttributes(stored, FileAttributes.Normal);
        await File.WriteAllBytesAsync(stored, [1, 2, 3]);

        var result = await _ws.IngestAsync("--defer-media", "--wipe");

        Assert.True(File.Exists(clip));
        Assert.False(Workspace.Item(result, "clip.mp4").GetProperty("wiped").GetBoolean());
    }
}
