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
    public async Task AuditVerify_LaterSightingUpgradedTheFacts_IsIntactAndShowsTheUpgrade()
    {
        var note = "现场笔录"u8.ToArray();
        _ws.Write("backup/copy.txt", note);
        var id = Workspace.Item(await _ws.IngestAsync(), "backup/copy.txt").GetProperty("recordingId").GetString()!;
        _ws.Write("A123456_333333_20250301101500_1.txt", note);
        await _ws.IngestAsync();

        var result = await CliRunner.RunAsync(_ws.Data, "audit", "verify", "--json");
        var show = await CliRunner.RunAsync(_ws.Data, "recordings", "show", id, "--json");

        Assert.True(result.ExitCode == 0, result.StandardOutput);
        Assert.Equal("333333", show.Json.GetProperty("officerId").GetString());
        var actions = (await CliRunner.RunAsync(_ws.Data, "audit", "show", "--subject", id, "--json")).Json.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString());
        Assert.Contains("recording.facts-upgraded", actions);
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
    [InlineData("UPDATE officers SET name = '王五' WHERE number = '010203'")]
    [InlineData("UPDATE devices SET model = 'other'")]
    [InlineData("UPDATE recording_links SET stage = 7")]
    public async Task AuditVerify_CatalogRowEditedByHand_NamesTheRow(string edit)
    {
        await FillCatalogAndEditAsync(edit);

        var result = await CliRunner.RunAsync(_ws.Data, "audit", "verify", "--json");

        Assert.Equal(3, result.ExitCode);
        Assert.Single(result.Json.GetProperty("editedRows").EnumerateArray());
    }

    [Theory]
    [InlineData("UPDATE activities SET place = '别处'", "activities", "C-1/1")]
    [InlineData("UPDATE activities SET end_at = '2025-03-01T11:00:00.0000000+08:00'", "activities", "C-1/1")]
    [InlineData("DELETE FROM activities", "activities", "C-1/1")]
    [InlineData("UPDATE device_bindings SET officer_number = '010203' WHERE id = 2", "device_bindings", "A123456/2")]
    [InlineData("UPDATE device_bindings SET to_at = NULL WHERE id = 1", "device_bindings", "A123456/1")]
    [InlineData("UPDATE decisions SET conclusion = '不予处罚'", "decisions", "C-1")]
    [InlineData("UPDATE decisions SET published_on = '2025-03-20'", "decisions", "C-1")]
    [InlineData("UPDATE legal_reviews SET opinion = '不同意'", "legal_reviews", "C-1")]
    public async Task AuditVerify_CaseOrBindingRowEditedByHand_NamesTableAndRow(string edit, string table, string key)
    {
        await FillCatalogAndEditAsync(edit);

        var result = await CliRunner.RunAsync(_ws.Data, "audit", "verify");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal([$"EDITED {table} row {key}"], result.StandardOutput.Split('\n').Where(l => l.StartsWith("EDITED", StringComparison.Ordinal)).Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]));
    }

    [Theory]
    [InlineData("UPDATE legal_holds SET released_at = '2025-04-01T00:00:00.0000000+00:00' WHERE id = 1", "legal_holds")]
    [InlineData("UPDATE legal_holds SET authority = '无' WHERE id = 2", "legal_holds")]
    [InlineData("DELETE FROM legal_holds WHERE id = 1", "legal_holds")]
    [InlineData("UPDATE recording_marks SET reason = 'nothing happened'", "recording_marks")]
    [InlineData("UPDATE recording_categories SET category = 'training'", "recording_categories")]
    [InlineData("UPDATE recordings SET destroyed_at = '2026-01-01T00:00:00.0000000+00:00'", "recordings")]
    [InlineData("UPDATE recordings SET officer_id = '040506'", "recordings")]
    [InlineData("UPDATE recordings SET device_id = 'Z999999'", "recordings")]
    [InlineData("UPDATE recordings SET recorded_at = '2020-01-01T00:00:00.0000000+08:00', recorded_at_utc = '2019-12-31T16:00:00.0000000Z'", "recordings")]
    [InlineData("UPDATE recordings SET recorded_at = 'not a time'", "recordings")]
    [InlineData("DELETE FROM recording_links", "recording_links")]
    [InlineData("DELETE FROM recording_marks", "recording_marks")]
    [InlineData("DELETE FROM recording_categories", "recording_categories")]
    [InlineData("DELETE FROM officers WHERE number = '040506'", "officers")]
    [InlineData("DELETE FROM devices", "devices")]
    [InlineData("DELETE FROM device_bindings WHERE id = 1", "device_bindings")]
    public async Task AuditVerify_RecordingOrRetentionRowEditedOrDeletedByHand_NamesTable(string edit, string table)
    {
        await FillCatalogAndEditAsync(edit);

        var result = await CliRunner.RunAsync(_ws.Data, "audit", "verify");

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith($"EDITED {table} row", Assert.Single(result.StandardOutput.Split('\n'), l => l.StartsWith("EDITED", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    /// <summary>A row in every checked table, an intact audit, then one edit behind the application's back.</summary>
    private async Task FillCatalogAndEditAsync(string edit)
    {
        var id = await IngestAsync();
        string[][] steps =
        [
            ["cases", "create", "C-1", "--type", "penalty", "--party", "某某公司", "--officer", "010203"],
            ["officers", "add", "010203", "--name", "张三"],
            ["officers", "add", "040506", "--name", "李四"],
            ["devices", "add", "A123456", "--model", "DSJ-V9"],
            ["devices", "bind", "A123456", "010203", "--from", "2025-01-01T00:00:00+08:00"],
            ["devices", "bind", "A123456", "040506", "--from", "2025-03-01T12:00:00+08:00"],
            ["cases", "attach", "C-1", id, "--reason", "on-site footage"],
            ["cases", "activity", "add", "C-1", "--stage", "investigation", "--type", "inspection", "--start", "2025-03-01T09:00:00+08:00", "--end", "2025-03-01T10:00:00+08:00"],
            ["cases", "activity", "update", "C-1", "1", "--place", "某某公司仓库"],
            ["cases", "review", "C-1", "--reviewer", "王审核", "--opinion", "同意", "--date", "2025-03-09"],
            ["cases", "decide", "C-1", "--date", "2025-03-10", "--conclusion", "罚款5000元", "--major"],
            ["publications", "draft", "C-1", "--document-number", "某市监罚〔2025〕1号", "--agency", "某区市场监督管理局", "--facts", "销售过期食品", "--basis", "《食品安全法》第一百二十四条"],
            ["publications", "approve", "1", "--actor", "li@station"],
            ["recordings", "mark", id, "complaint", "--reason", "12345 hotline"],
            ["recordings", "categorize", id, "traffic", "--reason", "traffic stop"],
            ["holds", "place", "--recording", id, "--reason", "appeal", "--authority", "区法院"],
            ["holds", "place", "--case", "C-1", "--reason", "inquiry", "--authority", "纪委"],
            ["holds", "release", "2", "--reason", "inquiry closed"],
            ["audit", "verify"],
        ];
        foreach (var step in steps)
        {
            var run = await CliRunner.RunAsync(_ws.Data, step);
            Assert.True(run.ExitCode == 0, $"{string.Join(' ', step)}: {run.StandardOutput}{run.StandardError}");
        }

        await _ws.EditCatalogAsync(edit);
    }

    private async Task<string> IngestAsync()
    {
        _ws.Put("clip.mp4", media.Video360);
        return Workspace.Item(await _ws.IngestAsync(), "clip.mp4").GetProperty("recordingId").GetString()!;
    }
}
