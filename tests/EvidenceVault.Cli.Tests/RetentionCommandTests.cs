using System.Text.Json;
using EvidenceVault.Cli.Tests.Support;

namespace EvidenceVault.Cli.Tests;

/// <summary>Retention end to end: terms from rules, holds, the risk gate, two approvers, recovery and destruction with a tombstone.</summary>
[Collection(MediaCollection.Name)]
public sealed class RetentionCommandTests(SampleMedia media) : IDisposable
{
    // Recorded in January 2025: well past the 6-month floor today.
    private const string Old = "A123456_010203_20250105093015_0001_3.MP4";
    private const string Older = "A123456_010203_20250104093015_0002_3.MP4";
    private readonly Workspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Retention_ExpiredRecording_TwoApproversThenPurgeDestroysAndLeavesTombstone()
    {
        var (expired, kept) = await IngestTwoAsync();
        var rules = InstantRecoveryRules();
        await Cli("recordings", "mark", kept, "obstruction", "--reason", "officer pushed during inspection");

        var plan = await Cli("retention", "plan", "--json");
        var proposed = await Cli("retention", "propose", "--json", "--actor", "li");
        var id = proposed.Json.GetProperty("proposed")[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var first = await Cli("retention", "approve", id, "--reason", "floor passed, no case", "--actor", "li", "--json");
        var samePerson = await Cli("retention", "approve", id, "--reason", "again", "--actor", "li");
        var second = await CliWith(rules, "retention", "approve", id, "--reason", "agreed", "--actor", "wang", "--json");
        var purge = await CliWith(rules, "retention", "purge", "--json");
        var get = await Cli("recordings", "get", expired, "-o", Path.Combine(_ws.Root, "out.mp4"));
        var tombstone = await Cli("audit", "show", "--subject", expired, "--json");
        var audit = await Cli("audit", "verify", "--json");

        Assert.Equal(["expired", "permanent"], Plan(plan).Select(p => p.GetProperty("state").GetString()).Order());
        Assert.Equal("floor", Plan(plan).Single(p => p.GetProperty("recordingId").GetString() == expired).GetProperty("rule").GetString());
        Assert.Equal(expired, Assert.Single(proposed.Json.GetProperty("proposed").EnumerateArray()).GetProperty("recordingId").GetString());
        Assert.Equal("proposed", first.Json.GetProperty("status").GetString());
        Assert.Equal(6, samePerson.ExitCode);
        Assert.Contains("different person", samePerson.StandardError, StringComparison.Ordinal);
        Assert.Equal("approved", second.Json.GetProperty("status").GetString());
        Assert.Equal(0, purge.ExitCode);
        Assert.True(purge.Json.GetProperty("outcomes")[0].GetProperty("destroyed").GetBoolean());
        Assert.Equal(1, _ws.CountVaultOriginals());
        Assert.Equal(4, get.ExitCode);
        Assert.Contains("destroyed", get.StandardError, StringComparison.Ordinal);
        var destroyed = tombstone.Json.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "deletion.destroyed");
        var details = destroyed.GetProperty("details");
        Assert.Equal(["li", "wang"], details.GetProperty("approvers").EnumerateArray().Select(a => a.GetProperty("approver").GetString()));
        Assert.Equal(64, details.GetProperty("sha256").GetString()!.Length);
        Assert.True(details.GetProperty("size").GetInt64() > 0);
        Assert.True(audit.Json.GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task Retention_ApprovedInsideRecoveryWindow_RecoverKeepsBytesAndPurgeDoesNothing()
    {
        await IngestTwoAsync();
        var proposed = await Cli("retention", "propose", "--json");
        var id = proposed.Json.GetProperty("proposed")[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Cli("retention", "approve", id, "--reason", "expired", "--actor", "li");
        var approved = await Cli("retention", "approve", id, "--reason", "expired", "--actor", "wang", "--json");

        var purgeEarly = await Cli("retention", "purge", "--json");
        var recover = await Cli("retention", "recover", id, "--reason", "journalist complaint arrived", "--json");
        var recoverAgain = await Cli("retention", "recover", id, "--reason", "twice");

        Assert.NotNull(approved.Json.GetProperty("destroyAfter").GetString());
        Assert.Empty(purgeEarly.Json.GetProperty("outcomes").EnumerateArray());
        Assert.Equal("recovered", recover.Json.GetProperty("status").GetString());
        Assert.Equal(6, recoverAgain.ExitCode);
        Assert.Equal(2, _ws.CountVaultOriginals());
    }

    [Fact]
    public async Task Holds_OnExpiredRecording_BlockProposalUntilReleasedAndStopApprovedPurge()
    {
        var (expired, other) = await IngestTwoAsync();
        var rules = InstantRecoveryRules();
        var held = await Cli("holds", "place", "--recording", expired, "--reason", "litigation pending", "--authority", "区人民法院", "--json");
        var holdId = held.Json.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var whileHeld = await Cli("retention", "propose", "--json");
        var planHeld = await Cli("retention", "plan", "--json");
        var release = await Cli("holds", "release", holdId, "--reason", "judgment final");
        var afterRelease = await Cli("retention", "propose", "--json");
        var id = afterRelease.Json.GetProperty("proposed").EnumerateArray().Single(p => p.GetProperty("recordingId").GetString() == expired).GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Cli("retention", "approve", id, "--reason", "ok", "--actor", "li");
        await CliWith(rules, "retention", "approve", id, "--reason", "ok", "--actor", "wang");
        await Cli("holds", "place", "--recording", expired, "--reason", "new appeal", "--authority", "市中级人民法院");
        var purge = await CliWith(rules, "retention", "purge", "--json");
        var holds = await Cli("holds", "list", "--all", "--json");

        Assert.Equal(0, held.ExitCode);
        Assert.Equal(other, Assert.Single(whileHeld.Json.GetProperty("proposed").EnumerateArray()).GetProperty("recordingId").GetString());
        Assert.Equal("held", Plan(planHeld).Single(p => p.GetProperty("recordingId").GetString() == expired).GetProperty("state").GetString());
        Assert.Equal(0, release.ExitCode);
        Assert.False(purge.Json.GetProperty("outcomes")[0].GetProperty("destroyed").GetBoolean());
        Assert.Contains("legal hold", purge.Json.GetProperty("outcomes")[0].GetProperty("refusal").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, _ws.CountVaultOriginals());
        Assert.Equal(2, holds.Json.GetProperty("holds").GetArrayLength());
    }

    [Fact]
    public async Task Retention_LinkedToOpenCase_WaitsThenInheritsCaseFileTermOnClose()
    {
        var (recording, _) = await IngestTwoAsync();
        await Cli("cases", "create", "检〔2025〕3号", "--type", "inspection", "--party", "某某商店");
        await Cli("cases", "attach", "检〔2025〕3号", recording, "--reason", "inspection footage");

        var open = await Cli("retention", "plan", "--json");
        await Cli("cases", "close", "检〔2025〕3号");
        var closed = await Cli("retention", "plan", "--json");

        var before = Plan(open).Single(p => p.GetProperty("recordingId").GetString() == recording);
        var after = Plan(closed).Single(p => p.GetProperty("recordingId").GetString() == recording);
        Assert.Equal("waiting-for-case", before.GetProperty("state").GetString());
        Assert.Equal("running", after.GetProperty("state").GetString());
        Assert.Equal("case-file:检〔2025〕3号", after.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Retention_ComplaintFlag_ApprovalNeedsAcknowledgedRisk()
    {
        var (recording, _) = await IngestTwoAsync();
        await Cli("recordings", "mark", recording, "complaint", "--reason", "12345 hotline complaint");
        var proposed = await Cli("retention", "propose", "--json");
        var flagged = proposed.Json.GetProperty("proposed").EnumerateArray().Single(p => p.GetProperty("recordingId").GetString() == recording);
        var id = flagged.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var plain = await Cli("retention", "approve", id, "--reason", "ok", "--actor", "li");
        var acknowledged = await Cli("retention", "approve", id, "--reason", "complaint closed 2025-03", "--acknowledge-risk", "--actor", "li", "--json");

        Assert.Equal("complaint", flagged.GetProperty("flags")[0].GetProperty("code").GetString());
        Assert.Equal(6, plain.ExitCode);
        Assert.Contains("--acknowledge-risk", plain.StandardError, StringComparison.Ordinal);
        Assert.Equal(0, acknowledged.ExitCode);
    }

    [Fact]
    public async Task Retention_BadInput_ClearErrors()
    {
        var (recording, _) = await IngestTwoAsync();
        var badRules = Path.Combine(_ws.Root, "bad-rules.json");
        await File.WriteAllTextAsync(badRules, """{"floor":"forever"}""");

        var unknownMark = await Cli("recordings", "mark", recording, "sparkly", "--reason", "x");
        var evidenceWithoutCase = await Cli("recordings", "mark", recording, "evidence", "--reason", "x");
        var unknownCategory = await Cli("recordings", "categorize", recording, "nonsense", "--reason", "x");
        var noProposal = await Cli("retention", "approve", "999", "--reason", "x");
        var bothTargets = await Cli("holds", "place", "--recording", recording, "--case", "x", "--reason", "x", "--authority", "y");
        var rulesFile = await Cli("retention", "plan", "--retention-rules", badRules);
        var doctor = await Cli("doctor", "--json");

        Assert.Equal(2, unknownMark.ExitCode);
        Assert.Contains("major-incident", unknownMark.StandardError, StringComparison.Ordinal);
        Assert.Equal(6, evidenceWithoutCase.ExitCode);
        Assert.Contains("--case", evidenceWithoutCase.StandardError, StringComparison.Ordinal);
        Assert.Equal(2, unknownCategory.ExitCode);
        Assert.Contains("traffic", unknownCategory.StandardError, StringComparison.Ordinal);
        Assert.Equal(4, noProposal.ExitCode);
        Assert.NotEqual(0, bothTargets.ExitCode);
        Assert.Equal(2, rulesFile.ExitCode);
        Assert.Contains("'floor'", rulesFile.StandardError, StringComparison.Ordinal);
        Assert.Equal(0, doctor.ExitCode);
        Assert.Contains("retention lock", doctor.Json.GetProperty("retentionEnforcement").GetString(), StringComparison.Ordinal);
    }

    private static IEnumerable<JsonElement> Plan(CliResult plan) => plan.Json.GetProperty("plan").EnumerateArray().Select(p => p.GetProperty("retention"));

    private async Task<(string First, string Second)> IngestTwoAsync()
    {
        _ws.Put(Old, media.Video360);
        _ws.Put(Older, media.Audio);
        var ingest = await _ws.IngestAsync("--defer-media");
        return (Workspace.Item(ingest, Old).GetProperty("recordingId").GetString()!, Workspace.Item(ingest, Older).GetProperty("recordingId").GetString()!);
    }

    /// <summary>The built-in rules with no recovery window (it starts at the second approval), so a purge test need not wait seven days.</summary>
    private string InstantRecoveryRules()
    {
        var path = Path.Combine(_ws.Root, "instant-recovery.json");
        File.WriteAllText(path, """
            {"floor":"6m","recoveryWindow":"0d","reconsiderationWindow":"60d","litigationWindow":"6m","recentCaseActivity":"60d",
             "caseFileTerms":{"licensing":"30y","penalty":"permanent","coercion":"permanent","levyExpropriation":"permanent","inspection":"10y","other":"10y"},
             "categories":{"traffic":"1y"}}
            """);
        return path;
    }

    private Task<CliResult> Cli(params string[] args) => CliRunner.RunAsync(_ws.Data, args);

    private Task<CliResult> CliWith(string rules, params string[] args) => CliRunner.RunAsync(_ws.Data, ["--retention-rules", rules, .. args]);
}
