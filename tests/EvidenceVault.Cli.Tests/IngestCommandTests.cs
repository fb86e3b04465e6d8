using System.Text;
using EvidenceVault.Cli.Tests.Support;

namespace EvidenceVault.Cli.Tests;

[Collection(MediaCollection.Name)]
public sealed class IngestCommandTests(SampleMedia media) : IDisposable
{
    private const string Clip = "DCIM/100MEDIA/A123456_010203_20250301093015_0001_3.MP4";
    private readonly Workspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Ingest_GaT947Clip_StoresVerifiedPlayableRecordingWithNameFacts()
    {
        _ws.Put(Clip, media.Video1080);

        var result = await _ws.IngestAsync();

        Assert.Equal(0, result.ExitCode);
        var item = Workspace.Item(result, Clip);
        Assert.Equal("stored", item.GetProperty("status").GetString());
        Assert.Equal("video", item.GetProperty("kind").GetString());
        Assert.Equal("A123456", item.GetProperty("deviceId").GetString());
        Assert.Equal("010203", item.GetProperty("officerId").GetString());
        Assert.Equal("2025-03-01T09:30:15+08:00", item.GetProperty("recordedAt").GetString());
        Assert.Equal(3, item.GetProperty("mark").GetInt32());
        Assert.True(item.GetProperty("playable").GetBoolean());
        Assert.InRange(item.GetProperty("durationSeconds").GetDouble(), 2.9, 3.1);
        Assert.Equal(Sha256Of(media.Video1080), item.GetProperty("sha256").GetString());
        Assert.Equal(1, _ws.CountVaultOriginals());
    }

    [Fact]
    public async Task Ingest_AxisFolder_ReadsUserDeviceAndUtcTime()
    {
        const string path = "OFFICER7_B0A1C2D3_20250301_011500/20250301_011502_5f3c9a.mp4";
        _ws.Put(path, media.Video360);

        var item = Workspace.Item(await _ws.IngestAsync(), path);

        Assert.Equal("OFFICER7", item.GetProperty("officerId").GetString());
        Assert.Equal("B0A1C2D3", item.GetProperty("deviceId").GetString());
        Assert.Equal("2025-03-01T01:15:02+00:00", item.GetProperty("recordedAt").GetString());
    }

    [Fact]
    public async Task Ingest_UnparsedName_UsesOptionsForOfficerAndDevice()
    {
        _ws.Put("VID_0001.mp4", media.Video360);

        var item = Workspace.Item(await _ws.IngestAsync("--officer", "999999", "--device", "Z999999"), "VID_0001.mp4");

        Assert.Equal("999999", item.GetProperty("officerId").GetString());
        Assert.Equal("Z999999", item.GetProperty("deviceId").GetString());
        Assert.Equal("stored", item.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ingest_KindsFromContent_AudioPhotoTextVideo()
    {
        _ws.Put("a/clip.mp4", media.Video360);
        _ws.Put("a/sound.wav", media.Audio);
        _ws.Put("a/photo.jpg", media.Photo);
        _ws.Write("a/笔录.txt", Encoding.UTF8.GetBytes("现场检查笔录\n"));

        var result = await _ws.IngestAsync();

        Assert.Equal("video", Workspace.Item(result, "a/clip.mp4").GetProperty("kind").GetString());
        Assert.Equal("audio", Workspace.Item(result, "a/sound.wav").GetProperty("kind").GetString());
        Assert.True(Workspace.Item(result, "a/sound.wav").GetProperty("playable").GetBoolean());
        Assert.Equal("photo", Workspace.Item(result, "a/photo.jpg").GetProperty("kind").GetString());
        Assert.Equal("text", Workspace.Item(result, "a/笔录.txt").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Ingest_Sm3_ReportsNationalHash()
    {
        _ws.Write("note.txt", "abc"u8.ToArray());

        var item = Workspace.Item(await _ws.IngestAsync("--sm3"), "note.txt");

        Assert.Equal("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", item.GetProperty("sm3").GetString());
    }

    [Fact]
    public async Task Ingest_Json_PrintsExactlyOneDocumentWithSummary()
    {
        _ws.Put("clip.mp4", media.Video360);

        var result = await _ws.IngestAsync("--defer-media");

        var summary = result.Json.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("files").GetInt32());
        Assert.Equal(1, summary.GetProperty("stored").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Object, result.Json.ValueKind);
    }

    [Fact]
    public async Task Ingest_WithoutJson_PrintsReadableTable()
    {
        _ws.Put("clip.mp4", media.Video360);

        var result = await CliRunner.RunAsync(_ws.Data, "ingest", _ws.Recorder, "--defer-media");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("clip.mp4", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("1 stored", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_MissingSourceDirectory_ExitsWithUsageError()
    {
        var result = await CliRunner.RunAsync(_ws.Data, "ingest", Path.Combine(_ws.Root, "absent"), "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not exist", result.StandardError, StringComparison.Ordinal);
    }

    internal static string Sha256Of(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }
}
