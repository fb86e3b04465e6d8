using EvidenceVault.Cli.Tests.Support;

namespace EvidenceVault.Cli.Tests;

[Collection(MediaCollection.Name)]
public sealed class DeferredMediaTests(SampleMedia media) : IDisposable
{
    private readonly Workspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task IngestDeferMedia_ThenProcess_MakesRecordingPlayable()
    {
        _ws.Put("clip.mp4", media.Video1080);

        var ingest = await _ws.IngestAsync("--defer-media");
        var item = Workspace.Item(ingest, "clip.mp4");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, item.GetProperty("playable").ValueKind);
        Assert.Equal(1, ingest.Json.GetProperty("summary").GetProperty("mediaPending").GetInt32());

        var process = await CliRunner.RunAsync(_ws.Data, "process", "--json");
        var shown = await CliRunner.RunAsync(_ws.Data, "recordings", "show", item.GetProperty("recordingId").GetString()!, "--json");

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(1, process.Json.GetProperty("done").GetInt32());
        Assert.Equal(0, process.Json.GetProperty("pending").GetInt32());
        var mediaFacts = shown.Json.GetProperty("media");
        Assert.True(mediaFacts.GetProperty("playable").GetBoolean());
        Assert.Equal(1080, mediaFacts.GetProperty("height").GetInt32());
        Assert.Equal("h264", mediaFacts.GetProperty("videoCodec").GetString());
    }

    [Fact]
    public async Task Process_NothingQueued_DoesNothing()
    {
        var result = await CliRunner.RunAsync(_ws.Data, "process", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(0, result.Json.GetProperty("done").GetInt32());
    }
}
