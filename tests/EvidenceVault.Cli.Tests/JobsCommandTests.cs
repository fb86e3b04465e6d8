using EvidenceVault.Cli.Tests.Support;

namespace EvidenceVault.Cli.Tests;

[Collection(MediaCollection.Name)]
public sealed class JobsCommandTests(SampleMedia media) : IDisposable
{
    private readonly Workspace _workspace = new();

    [Fact]
    public async Task JobsRetry_DeadMediaJob_PendingAgainWithCustodyEntryThenProcessed()
    {
        _workspace.Put("p.jpg", media.Photo);
        var recording = Workspace.Item(await _workspace.IngestAsync("--defer-media"), "p.jpg").GetProperty("recordingId").GetString()!;
        await _workspace.EditCatalogAsync("UPDATE jobs SET state = 'dead', attempts = 5, last_error = 'ffmpeg crashed' WHERE kind = 'media'");

        var dead = await CliRunner.RunAsync(_workspace.Data, "jobs", "list", "--state", "dead", "--json");
        var job = Assert.Single(dead.Json.GetProperty("jobs").EnumerateArray());
        Assert.Equal(("media", recording, "ffmpeg crashed"), (job.GetProperty("kind").GetString(), job.GetProperty("subject").GetString(), job.GetProperty("lastError").GetString()));
        var id = job.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var retry = await CliRunner.RunAsync(_workspace.Data, "jobs", "retry", id, "--json");
        var again = await CliRunner.RunAsync(_workspace.Data, "jobs", "retry", id);
        var process = await CliRunner.RunAsync(_workspace.Data, "process", "--json");
        var audit = await CliRunner.RunAsync(_workspace.Data, "audit", "show", "--subject", recording, "--json");

        Assert.Equal((0, "pending", 0), (retry.ExitCode, retry.Json.GetProperty("state").GetString(), retry.Json.GetProperty("attempts").GetInt32()));
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("only dead jobs", again.StandardError, StringComparison.Ordinal);
        Assert.Equal(1, process.Json.GetProperty("done").GetInt32());
        Assert.Contains("\"job.retried\"", audit.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(4, (await CliRunner.RunAsync(_workspace.Data, "jobs", "retry", "999")).ExitCode);
    }

    public void Dispose() => _workspace.Dispose();
}
