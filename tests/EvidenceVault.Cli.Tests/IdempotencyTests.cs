using EvidenceVault.Cli.Tests.Support;

namespace EvidenceVault.Cli.Tests;

[Collection(MediaCollection.Name)]
public sealed class IdempotencyTests(SampleMedia media) : IDisposable
{
    private readonly Workspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Ingest_SameRecorderTwice_SecondRunAlreadyIngestedAndNothingNewStored()
    {
        _ws.Put("a.mp4", media.Video360);
        _ws.Put("b.wav", media.Audio);
        await _ws.IngestAsync();

        var second = await _ws.IngestAsync();

        Assert.Equal(0, second.ExitCode);
        Assert.All(second.Json.GetProperty("items").EnumerateArray(), i => Assert.Equal("already-ingested", i.GetProperty("status").GetString()));
        Assert.Equal(2, _ws.CountVaultOriginals());
    }

    [Fact]
    public async Task Ingest_SameBytesUnderAnotherName_DuplicateWithSameRecordingId()
    {
        _ws.Put("a.mp4", media.Video360);
        _ws.Put("copy/again.mp4", media.Video360);

        var result = await _ws.IngestAsync("--defer-media");

        var first = Workspace.Item(result, "a.mp4");
        var copy = Workspace.Item(result, "copy/again.mp4");
        Assert.Equal("stored", first.GetProperty("status").GetString());
        Assert.Equal("duplicate", copy.GetProperty("status").GetString());
        Assert.Equal(first.GetProperty("recordingId").GetString(), copy.GetProperty("recordingId").GetString());
        Assert.Equal(1, _ws.CountVaultOriginals());
    }

    [Fact]
    public async Task Ingest_KilledAtRandomMomentsThenRerun_LosesNothingAndDuplicatesNothing()
    {
        // Many distinct files so that kills land in copying, storing, cataloguing and media work.
        var random = new Random(20250301);
        for (var i = 0; i < 24; i++)
        {
            var bytes = new byte[3_000_000 + random.Next(1_000_000)];
            random.NextBytes(bytes);
            _ws.Write($"DCIM/bulk_{i:00}.bin", bytes);
        }

        _ws.Put("DCIM/clip.mp4", media.Video1080);
        var expected = Directory.GetFiles(_ws.Recorder, "*", SearchOption.AllDirectories).Select(IngestCommandTests.Sha256Of).ToHashSet();

        foreach (var delay in new[] { 150, 400, 700, 1000, 1500, 2200 })
        {
            using var process = System.Diagnostics.Process.Start(CliRunner.StartInfo(_ws.Data, null, "ingest", _ws.Recorder, "--json", "--sm3"))!;
            await Task.Delay(delay);
            process.Kill(entireProcessTree: true); // SIGKILL: no cleanup code runs
            await process.WaitForExitAsync();
        }

        var final = await _ws.IngestAsync();
        var verify = await CliRunner.RunAsync(_ws.Data, "verify", "--json");
        var listed = (await CliRunner.RunAsync(_ws.Data, "recordings", "list", "--json")).Json.GetProperty("recordings").EnumerateArray().ToList();

        Assert.Equal(0, final.ExitCode);
        Assert.Equal(expected, listed.Select(r => r.GetProperty("sha256").GetString()!).ToHashSet());
        Assert.Equal(expected.Count, listed.Count);
        Assert.Equal(expected.Count, _ws.CountVaultOriginals());
        Assert.Equal(0, verify.ExitCode);
        Assert.Equal(expected.Count, verify.Json.GetProperty("intact").GetInt32());
        Assert.Empty(Directory.GetFiles(Path.Combine(_ws.Data, "staging")));
        Assert.All(listed, r => Assert.NotEqual("pending", r.GetProperty("media").GetProperty("state").GetString()));
        Assert.True(listed.Single(r => r.GetProperty("kind").GetString() == "video").GetProperty("media").GetProperty("playable").GetBoolean());
    }
}
