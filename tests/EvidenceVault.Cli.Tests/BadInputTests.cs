using System.Text;
using EvidenceVault.Cli.Tests.Support;

namespace EvidenceVault.Cli.Tests;

[Collection(MediaCollection.Name)]
public sealed class BadInputTests(SampleMedia media) : IDisposable
{
    private readonly Workspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Ingest_EmptyFile_RejectedWithEmptyFileAndNothingStored()
    {
        _ws.Write("A123456_010203_20250301100000_0005.MP4", []);

        var result = await _ws.IngestAsync();

        AssertReason(result, "A123456_010203_20250301100000_0005.MP4", "rejected", "empty-file");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(0, _ws.CountVaultOriginals());
    }

    [Fact]
    public async Task Ingest_TextNamedMp4_QuarantinedWithBytesKept()
    {
        var bytes = Encoding.UTF8.GetBytes("this is a text file, not a video\n");
        _ws.Write("VID_0006.MP4", bytes);

        var result = await _ws.IngestAsync();

        AssertReason(result, "VID_0006.MP4", "quarantined", "content-type-mismatch");
        Assert.Equal(1, _ws.CountVaultOriginals());
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task Ingest_TruncatedRecording_QuarantinedAsUnreadableMediaWithBytesKept()
    {
        var whole = await File.ReadAllBytesAsync(media.Video1080);
        _ws.Write("VID_0007.MP4", whole[..(whole.Length / 2)]);

        var result = await _ws.IngestAsync();

        AssertReason(result, "VID_0007.MP4", "quarantined", "unreadable-media");
        Assert.False(Workspace.Item(result, "VID_0007.MP4").GetProperty("playable").GetBoolean());
        Assert.Equal(1, _ws.CountVaultOriginals());
    }

    [Fact]
    public async Task Ingest_RandomBytesNamedMp4_QuarantinedAsUnreadableMedia()
    {
        var bytes = new byte[100_000];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0;
        _ws.Write("VID_0008.MP4", bytes);

        AssertReason(await _ws.IngestAsync(), "VID_0008.MP4", "quarantined", "unreadable-media");
    }

    [Fact]
    public async Task Ingest_SidecarMatches_StoredAndSidecarConsumed()
    {
        var clip = _ws.Put("clip.mp4", media.Video360);
        _ws.Write("clip.mp4.sha256", Encoding.ASCII.GetBytes($"{IngestCommandTests.Sha256Of(clip)}  clip.mp4\n"));

        var result = await _ws.IngestAsync("--defer-media");

        Assert.Equal("stored", Workspace.Item(result, "clip.mp4").GetProperty("status").GetString());
        AssertReason(result, "clip.mp4.sha256", "ignored", "sidecar");
    }

    [Fact]
    public async Task Ingest_SidecarDisagrees_QuarantinedWithSidecarHashMismatch()
    {
        _ws.Put("clip.mp4", media.Video360);
        _ws.Write("clip.mp4.sha256", Encoding.ASCII.GetBytes($"{new string('0', 64)}  clip.mp4\n"));

        var result = await _ws.IngestAsync("--defer-media");

        AssertReason(result, "clip.mp4", "quarantined", "sidecar-hash-mismatch");
        Assert.Equal(1, _ws.CountVaultOriginals());
    }

    [Fact]
    public async Task Ingest_SidecarGarbage_QuarantinedWithSidecarMalformed()
    {
        _ws.Put("clip.mp4", media.Video360);
        _ws.Write("clip.mp4.sha256", "not a hash"u8.ToArray());

        AssertReason(await _ws.IngestAsync("--defer-media"), "clip.mp4", "quarantined", "sidecar-malformed");
    }

    [Fact]
    public async Task Ingest_SystemClutter_Ignored()
    {
        _ws.Write("System Volume Information/IndexerVolumeGuid", "x"u8.ToArray());
        _ws.Write("DCIM/._clip.mp4", "x"u8.ToArray());
        _ws.Write("DCIM/Thumbs.db", "x"u8.ToArray());
        _ws.Write(".Trashes/501/old.mp4", "x"u8.ToArray());

        var result = await _ws.IngestAsync();

        Assert.All(result.Json.GetProperty("items").EnumerateArray(), i => Assert.Equal("ignored", i.GetProperty("status").GetString()));
        Assert.Equal(4, result.Json.GetProperty("summary").GetProperty("ignored").GetInt32());
        Assert.Equal(0, _ws.CountVaultOriginals());
    }

    [Theory]
    [InlineData("-rf --help.mp4")]
    [InlineData("执法 记录 2025 年 3 月.mp4")]
    [InlineData("it's \"quoted\" $(whoami) %d.mp4")]
    public async Task Ingest_HostileButLegalNames_StoredAndPlayable(string name)
    {
        _ws.Put(name, media.Video360);

        var item = Workspace.Item(await _ws.IngestAsync(), name);

        Assert.Equal("stored", item.GetProperty("status").GetString());
        Assert.True(item.GetProperty("playable").GetBoolean());
    }

    [Fact]
    public async Task Ingest_LongUtf8Name_Stored()
    {
        var name = new string('录', 80) + ".mp4"; // 244 bytes in UTF-8, near the 255-byte limit
        _ws.Put(name, media.Video360);

        Assert.Equal("stored", Workspace.Item(await _ws.IngestAsync("--defer-media"), name).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ingest_NameWithControlCharacter_StoredWithUnsafeNameReason()
    {
        var name = "bad\nname.mp4";
        _ws.Put(name, media.Video360);

        var item = Workspace.Item(await _ws.IngestAsync("--defer-media"), name);

        Assert.Equal("stored", item.GetProperty("status").GetString());
        Assert.Contains(item.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "unsafe-name");
    }

    [Fact]
    public async Task Ingest_SymbolicLinkOutOfRecorder_IgnoredNotFollowed()
    {
        File.CreateSymbolicLink(Path.Combine(_ws.Recorder, "escape.mp4"), media.Video360);

        var result = await _ws.IngestAsync();

        AssertReason(result, "escape.mp4", "ignored", "symlink-not-followed");
        Assert.Equal(0, _ws.CountVaultOriginals());
    }

    [Fact]
    public async Task Ingest_FifoSidecarAndFifoNamedMp4_NeverOpenedAndIngestFinishes()
    {
        // The attack: a FIFO blocks whoever opens it for reading forever; ingest must list it without opening it.
        const string video = "A123456_010203_20250301093015_0001_3.MP4";
        _ws.Put(video, media.Video360);
        await MkfifoAsync(Path.Combine(_ws.Recorder, video + ".sha256"));
        await MkfifoAsync(Path.Combine(_ws.Recorder, "pipe.MP4"));

        var result = await _ws.IngestAsync("--defer-media");

        AssertReason(result, video + ".sha256", "rejected", "not-a-regular-file");
        AssertReason(result, "pipe.MP4", "rejected", "not-a-regular-file");
        Assert.Equal("stored", Workspace.Item(result, video).GetProperty("status").GetString());
        Assert.Equal(1, _ws.CountVaultOriginals());
    }

    [Fact]
    public async Task Ingest_SidecarLinkedToAnEndlessDevice_NotFollowedAndIngestFinishes()
    {
        const string video = "A123456_010203_20250301093015_0001_3.MP4";
        _ws.Put(video, media.Video360);
        File.CreateSymbolicLink(Path.Combine(_ws.Recorder, video + ".sha256"), "/dev/zero");

        var result = await _ws.IngestAsync("--defer-media");

        AssertReason(result, video + ".sha256", "ignored", "symlink-not-followed");
        Assert.Equal("stored", Workspace.Item(result, video).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ingest_SidecarHashBeyondTheSizeCap_NotReadSoSidecarMalformed()
    {
        // Sidecars are read up to 64 KiB: a multi-gigabyte "sidecar" cannot exhaust memory, and nothing past the cap counts.
        const string video = "VID_0100.MP4";
        var path = _ws.Put(video, media.Video360);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(path)));
        _ws.Write(video + ".sha256", Encoding.ASCII.GetBytes(new string(' ', 70 * 1024) + hash + "  " + video + "\n"));

        var result = await _ws.IngestAsync("--defer-media");

        AssertReason(result, video, "quarantined", "sidecar-malformed");
    }

    private static async Task MkfifoAsync(string path)
    {
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", path);
        await mkfifo.WaitForExitAsync();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    private static void AssertReason(CliResult result, string path, string status, string code)
    {
        var item = Workspace.Item(result, path);
        Assert.Equal(status, item.GetProperty("status").GetString());
        var reason = Assert.Single(item.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == code);
        Assert.False(string.IsNullOrWhiteSpace(reason.GetProperty("message").GetString()));
    }
}
