using EvidenceVault.Cli.Tests.Support;

namespace EvidenceVault.Cli.Tests;

[Collection(MediaCollection.Name)]
public sealed class RetrievalTests(SampleMedia media) : IDisposable
{
    private readonly Workspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task RecordingsGet_Original_IsByteExact()
    {
        var id = await IngestOneAsync();
        var output = Path.Combine(_ws.Root, "out.mp4");

        var result = await CliRunner.RunAsync(_ws.Data, "recordings", "get", id, "-o", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(await File.ReadAllBytesAsync(media.Video1080), await File.ReadAllBytesAsync(output));
    }

    [Fact]
    public async Task RecordingsGet_ProxyAndThumbnail_AreMp4AndJpeg()
    {
        var id = await IngestOneAsync();
        var proxy = Path.Combine(_ws.Root, "proxy.mp4");
        var thumb = Path.Combine(_ws.Root, "thumb.jpg");

        Assert.Equal(0, (await CliRunner.RunAsync(_ws.Data, "recordings", "get", id, "--proxy", "-o", proxy)).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync(_ws.Data, "recordings", "get", id, "--thumbnail", "-o", thumb)).ExitCode);

        Assert.Equal("ftyp"u8.ToArray(), (await File.ReadAllBytesAsync(proxy))[4..8]);
        Assert.Equal(new byte[] { 0xFF, 0xD8, 0xFF }, (await File.ReadAllBytesAsync(thumb))[..3]);
    }

    [Fact]
    public async Task RecordingsGet_TamperedOriginal_RefusedAndNothingWritten()
    {
        var id = await IngestOneAsync();
        _ws.FlipOneByte();
        var output = Path.Combine(_ws.Root, "out.mp4");

        var result = await CliRunner.RunAsync(_ws.Data, "recordings", "get", id, "-o", output);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("no longer matches", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.False(File.Exists(output + ".partial"));
    }

    [Fact]
    public async Task Verify_FlippedByteAndMissingFile_NamesEachRecording()
    {
        var changed = await IngestOneAsync();
        _ws.Put("other.wav", media.Audio);
        var missing = Workspace.Item(await _ws.IngestAsync("--defer-media"), "other.wav").GetProperty("recordingId").GetString()!;
        _ws.FlipOneByte(changed);
        File.Delete(_ws.StoredOriginal(missing));

        var result = await CliRunner.RunAsync(_ws.Data, "verify", "--json");

        Assert.Equal(3, result.ExitCode);
        var failures = result.Json.GetProperty("failures").EnumerateArray().ToDictionary(f => f.GetProperty("recordingId").GetString()!, f => f.GetProperty("state").GetString());
        Assert.Equal("changed", failures[changed]);
        Assert.Equal("missing", failures[missing]);
    }

    [Fact]
    public async Task Verify_IntactVault_ExitsZero()
    {
        await IngestOneAsync();

        var result = await CliRunner.RunAsync(_ws.Data, "verify", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(1, result.Json.GetProperty("intact").GetInt32());
    }

    [Fact]
    public async Task RecordingsShowAndList_FindTheRecordingByOfficer()
    {
        var id = await IngestOneAsync();

        var show = await CliRunner.RunAsync(_ws.Data, "recordings", "show", id, "--json");
        var mine = await CliRunner.RunAsync(_ws.Data, "recordings", "list", "--officer", "010203", "--json");
        var others = await CliRunner.RunAsync(_ws.Data, "recordings", "list", "--officer", "999999", "--json");

        Assert.Equal(id, show.Json.GetProperty("recordingId").GetString());
        Assert.Equal("name:gat947", show.Json.GetProperty("recordedAtSource").GetString());
        Assert.Single(mine.Json.GetProperty("recordings").EnumerateArray());
        Assert.Empty(others.Json.GetProperty("recordings").EnumerateArray());
    }

    [Fact]
    public async Task RecordingsShow_UnknownId_ExitsNotFound()
    {
        var result = await CliRunner.RunAsync(_ws.Data, "recordings", "show", new string('a', 20));

        Assert.Equal(4, result.ExitCode);
    }

    private async Task<string> IngestOneAsync()
    {
        const string path = "A123456_010203_20250301093015_0001_3.MP4";
        _ws.Put(path, media.Video1080);
        return Workspace.Item(await _ws.IngestAsync(), path).GetProperty("recordingId").GetString()!;
    }
}
