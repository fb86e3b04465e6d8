using EvidenceVault.Cli.Tests.Support;

namespace EvidenceVault.Cli.Tests;

[Collection(MediaCollection.Name)]
public sealed class CasesCommandTests(SampleMedia media) : IDisposable
{
    private const string Case = "市监罚〔2025〕12号";
    private readonly Workspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Cases_FullLifecycle_RecordsEveryStepAndKeepsTheChainIntact()
    {
        _ws.Put("A123456_010203_20250301093015_0001_3.MP4", media.Video360);
        var recording = Workspace.Item(await _ws.IngestAsync("--defer-media"), "A123456_010203_20250301093015_0001_3.MP4").GetProperty("recordingId").GetString()!;

        Assert.Equal(0, (await Cli("cases", "create", Case, "--type", "行政处罚", "--party", "某某公司", "--officer", "010203")).ExitCode);
        var activity = await Cli("cases", "activity", "add", Case, "--stage", "调查取证", "--type", "inspection", "--start", "2025-03-01T09:00:00+08:00", "--end", "2025-03-01T10:00:00+08:00", "--json");
        var attach = await Cli("cases", "attach", Case, recording, "--stage", "investigation", "--reason", "on-site inspection footage", "--json");
        var unfiledBefore = await Cli("recordings", "unfiled", "--json");
        var majorWithoutReview = await Cli("cases", "decide", Case, "--date", "2025-03-10", "--conclusion", "罚款5000元", "--major");
        await Cli("cases", "review", Case, "--reviewer", "王审核", "--opinion", "同意", "--date", "2025-03-09");
        var decided = await Cli("cases", "decide", Case, "--date", "2025-03-10", "--conclusion", "罚款5000元", "--major");
        var shown = await Cli("cases", "show", Case, "--json");
        var audit = await Cli("audit", "verify", "--json");

        Assert.Equal(0, activity.ExitCode);
        Assert.Equal("Investigation", activity.Json.GetProperty("stage").GetString());
        Assert.Equal("manual", attach.Json.GetProperty("origin").GetString());
        Assert.Empty(unfiledBefore.Json.GetProperty("recordings").EnumerateArray());
        Assert.Equal(6, majorWithoutReview.ExitCode);
        Assert.Contains("legal-review", majorWithoutReview.StandardError, StringComparison.Ordinal);
        Assert.Equal(0, decided.ExitCode);
        Assert.True(shown.Json.GetProperty("decision").GetProperty("major").GetBoolean());
        Assert.Equal(recording, shown.Json.GetProperty("links")[0].GetProperty("recordingId").GetString());
        Assert.True(audit.Json.GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task CasesDetach_WithReason_ReturnsRecordingToUnfiledQueue()
    {
        _ws.Put("clip.mp4", media.Video360);
        var recording = Workspace.Item(await _ws.IngestAsync("--defer-media", "--officer", "010203"), "clip.mp4").GetProperty("recordingId").GetString()!;
        await Cli("cases", "create", Case, "--type", "penalty", "--party", "某某公司");
        await Cli("cases", "attach", Case, recording, "--reason", "wrong case, attached by mistake");

        var detach = await Cli("cases", "detach", Case, recording, "--reason", "belongs to another case");
        var unfiled = await Cli("recordings", "unfiled", "--officer", "010203", "--json");
        var custody = await Cli("audit", "show", "--subject", Case, "--json");

        Assert.Equal(0, detach.ExitCode);
        Assert.Equal(recording, Assert.Single(unfiled.Json.GetProperty("recordings").EnumerateArray()).GetProperty("recordingId").GetString());
        Assert.Equal(["case.created", "case.recording-linked", "case.recording-unlinked"], custody.Json.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task Cases_BadInput_ClearErrors()
    {
        await Cli("cases", "create", Case, "--type", "penalty", "--party", "某某公司");

        var duplicate = await Cli("cases", "create", Case, "--type", "penalty", "--party", "x");
        var badStage = await Cli("cases", "activity", "add", Case, "--stage", "lunch", "--type", "x", "--start", "2025-03-01T09:00:00+08:00", "--end", "2025-03-01T10:00:00+08:00");
        var backwards = await Cli("cases", "activity", "add", Case, "--stage", "start", "--type", "x", "--start", "2025-03-01T10:00:00+08:00", "--end", "2025-03-01T09:00:00+08:00");
        var unknownRecording = await Cli("cases", "attach", Case, new string('a', 20), "--reason", "x");

        Assert.Equal(6, duplicate.ExitCode);
        Assert.Contains("already exists", duplicate.StandardError, StringComparison.Ordinal);
        Assert.Equal(2, badStage.ExitCode);
        Assert.Contains("调查取证", badStage.StandardError, StringComparison.Ordinal);
        Assert.Equal(2, backwards.ExitCode);
        Assert.Equal(4, unknownRecording.ExitCode);
    }

    [Fact]
    public async Task CasesCreate_PartyWithBidiOverride_PrintsItEscapedAndKeepsItInJson()
    {
        const string party = "某某\u202E公司";

        var created = await Cli("cases", "create", Case, "--type", "penalty", "--party", party);
        var shown = await Cli("cases", "show", Case, "--json");

        Assert.Equal(0, created.ExitCode);
        Assert.Contains("某某\\u202E公司", created.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", created.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(party, shown.Json.GetProperty("case").GetProperty("party").GetString());
    }

    private Task<CliResult> Cli(params string[] args) => CliRunner.RunAsync(_ws.Data, args);
}
