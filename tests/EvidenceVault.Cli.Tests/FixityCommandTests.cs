using EvidenceVault.Cli.Tests.Support;

namespace EvidenceVault.Cli.Tests;

[Collection(MediaCollection.Name)]
public sealed class FixityCommandTests(SampleMedia media) : IDisposable
{
    private readonly Workspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task FixityRun_FlippedByteAndDeletedObject_RaisesIncidentsAndMarksRecordings()
    {
        var ids = await IngestAsync(3);
        var (changed, missing, intact) = (ids[0], ids[1], ids[2]);
        _ws.FlipOneByte(changed);
        File.Delete(_ws.StoredOriginal(missing));

        var run = await Cli("fixity", "run", "--json");
        var again = await Cli("fixity", "run", "--json");
        var incidents = await Cli("incidents", "list", "--json");
        var shown = await Cli("recordings", "show", changed, "--json");
        var listed = await Cli("recordings", "list");
        var custody = await Cli("audit", "show", "--subject", missing, "--json");
        var audit = await Cli("audit", "verify", "--json");

        Assert.Equal(3, run.ExitCode);
        var failures = run.Json.GetProperty("failures").EnumerateArray().ToDictionary(f => f.GetProperty("recordingId").GetString()!, f => f.GetProperty("state").GetString());
        Assert.Equal("changed", failures[changed]);
        Assert.Equal("missing", failures[missing]);
        Assert.False(failures.ContainsKey(intact));
        Assert.Equal(2, run.Json.GetProperty("incidentsRaised").GetArrayLength());
        Assert.Equal(3, again.ExitCode);
        Assert.Equal(0, again.Json.GetProperty("incidentsRaised").GetArrayLength());
        Assert.Equal(2, incidents.Json.GetProperty("incidents").EnumerateArray().Count(i => i.GetProperty("status").GetString() == "open"));
        Assert.Equal("failed", shown.Json.GetProperty("integrity").GetString());
        Assert.Contains("failed", listed.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(custody.Json.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "integrity.incident-raised");
        Assert.True(audit.Json.GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task IncidentsResolve_WithReason_ClosesIncidentAndClearsTheMark()
    {
        var id = (await IngestAsync(1))[0];
        _ws.FlipOneByte(id);
        await Cli("fixity", "run");
        var incident = (await Cli("incidents", "list", "--json")).Json.GetProperty("incidents")[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var resolve = await Cli("incidents", "resolve", incident, "--reason", "restored from the offline copy", "--json");
        var twice = await Cli("incidents", "resolve", incident, "--reason", "again");
        var unknown = await Cli("incidents", "resolve", "999", "--reason", "x");
        var shown = await Cli("recordings", "show", id, "--json");
        var custody = await Cli("audit", "show", "--subject", id, "--json");

        Assert.Equal(0, resolve.ExitCode);
        Assert.Equal("resolved", resolve.Json.GetProperty("status").GetString());
        Assert.Equal("restored from the offline copy", resolve.Json.GetProperty("resolution").GetString());
        Assert.Equal(2, twice.ExitCode);
        Assert.Equal(4, unknown.ExitCode);
        Assert.Equal("ok", shown.Json.GetProperty("integrity").GetString());
        Assert.Contains(custody.Json.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "integrity.incident-resolved");
    }

    [Theory]
    [InlineData("UPDATE incidents SET status = 'resolved'", "incidents")]
    [InlineData("DELETE FROM incidents", "incidents")]
    [InlineData("UPDATE recordings SET integrity = 'ok'", "recordings")]
    public async Task AuditVerify_IncidentOrMarkEditedByHand_NamesTheTable(string edit, string table)
    {
        var id = (await IngestAsync(1))[0];
        _ws.FlipOneByte(id);
        await Cli("fixity", "run");
        Assert.Equal(0, (await Cli("audit", "verify")).ExitCode);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_ws.Data, "catalog.db")};Pooling=false"))
        {
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = edit;
            await command.ExecuteNonQueryAsync();
        }

        var audit = await Cli("audit", "verify");

        Assert.Equal(3, audit.ExitCode);
        Assert.Contains($"EDITED {table} row", audit.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FixityRun_MaxItemsTwice_ChecksNeverCheckedFirstThenLeastRecentlyChecked()
    {
        var ids = await IngestAsync(3);

        var first = await Cli("fixity", "run", "--max-items", "2", "--json");
        var second = await Cli("fixity", "run", "--max-items", "2", "--json");

        Assert.Equal(0, first.ExitCode);
        var firstChecked = Checked(first);
        var secondChecked = Checked(second);
        Assert.Equal(2, firstChecked.Count);
        var neverChecked = Assert.Single(ids.Except(firstChecked));
        Assert.Equal([neverChecked, firstChecked[0]], secondChecked);
    }

    [Fact]
    public async Task FixityRun_IntactVaultWithBudget_ExitsZero()
    {
        await IngestAsync(2);

        var run = await Cli("fixity", "run", "--budget-mb-per-s", "50", "--max-seconds", "60", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, run.Json.GetProperty("intact").GetInt32());
    }

    private static List<string> Checked(CliResult result) =>
        [.. result.Json.GetProperty("checkedRecordings").EnumerateArray().Select(e => e.GetString()!)];

    private async Task<List<string>> IngestAsync(int count)
    {
        string[] sources = [media.Video360, media.Audio, media.Photo];
        string[] names = ["clip.mp4", "voice.wav", "photo.jpg"];
        for (var i = 0; i < count; i++)
        {
            _ws.Put(names[i], sources[i]);
        }

        var ingest = await _ws.IngestAsync("--defer-media");
        return [.. names.Take(count).Select(n => Workspace.Item(ingest, n).GetProperty("recordingId").GetString()!)];
    }

    private Task<CliResult> Cli(params string[] args) => CliRunner.RunAsync(_ws.Data, args);
}
