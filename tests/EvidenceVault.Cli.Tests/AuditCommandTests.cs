using EvidenceVault.Cli.Tests.Support;

namespace EvidenceVault.Cli.Tests;

[Collection(MediaCollection.Name)]
public sealed class AuditCommandTests(SampleMedia media) : IDisposable
{
    private readonly Workspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task AuditShow_AfterIngestShowAndGet_ListsTheChainOfCustody()
    {
        var id = await IngestAsync();
        await CliRunner.RunAsync(_ws.Data, "recordings", "show", id);
        await CliRunner.RunAsync(_ws.Data, "recordings", "get", id, "-o", Path.Combine(_ws.Root, "copy.mp4"));

        var show = await CliRunner.RunAsync(_ws.Data, "audit", "show", "--subject", id, "--json");

        var actions = show.Json.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["recording.ingested", "recording.media-processed", "recording.viewed", "recording.retrieved"], actions);
    }

    [Fact]
    public async Task AuditVerify_UntouchedCatalog_IsIntact()
    {
        await IngestAsync();

        var result = await CliRunner.RunAsync(_ws.Data, "audit", "verify", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.True(result.Json.GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task AuditVerify_RowEditedByHandInCatalog_ExitsNonZeroNamingTheEntry()
    {
        await IngestAsync();
        await _ws.EditCatalogAsync("DROP TRIGGER custody_append_only_update; UPDATE custody SET actor = 'someone-else' WHERE seq = 1");

        var result = await CliRunner.RunAsync(_ws.Data, "audit", "verify");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("BROKEN at entry 1", result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPDATE recordings SET size_bytes = size_bytes + 1")]
    [InlineData("UPDATE recordings SET source_path = 'elsewhere.mp4'")]
    [InlineData("UPDATE recordings SET sha256 = '0000000000000000000000000000000000000000000000000000000000000000'")]
    [InlineData("UPDATE cases SET party = 'someone else'")]
    [InlineData("UPDATE officers SET name = '王五'")]
    [InlineData("UPDATE devices SET model = 'other'")]
    [InlineData("UPDATE recording_links SET stage = 7")]
    public async Task AuditVerify_CatalogRowEditedByHand_NamesTheRow(string edit)
    {
        var id = await IngestAsync();
        Assert.Equal(0, (await CliRunner.RunAsync(_ws.Data, "cases", "create", "C-1", "--type", "penalty", "--party", "某某公司")).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync(_ws.Data, "officers", "add", "010203", "--name", "张三")).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync(_ws.Data, "devices", "add", "A123456", "--model", "DSJ-V9")).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync(_ws.Data, "cases", "attach", "C-1", id, "--reason", "on-site footage")).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync(_ws.Data, "audit", "verify")).ExitCode);
        await _ws.EditCatalogAsync(edit);

        var result = await CliRunner.RunAsync(_ws.Data, "audit", "verify", "--json");

        Assert.Equal(3, result.ExitCode);
        Assert.Single(result.Json.GetProperty("editedRows").EnumerateArray());
    }

    private async Task<string> IngestAsync()
    {
        _ws.Put("clip.mp4", media.Video360);
        return Workspace.Item(await _ws.IngestAsync(), "clip.mp4").GetProperty("recordingId").GetString()!;
    }
}
