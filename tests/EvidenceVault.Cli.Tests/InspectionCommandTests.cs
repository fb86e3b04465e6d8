using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EvidenceVault.Application.PriorDisclosure;
using EvidenceVault.Cli.Tests.Support;
using EvidenceVault.Testing.Inspections;
using EvidenceVault.Testing.PriorDisclosure;

namespace EvidenceVault.Cli.Tests;

public sealed class InspectionCommandTests : IDisposable
{
    private const string SeedSource = "福彩3D 2026-12-10";

    private readonly Workspace _ws = new();
    private readonly Dictionary<string, string> _calendar;

    // 20 working days from a December outcome run into a year the built-in calendar may not hold yet.
    public InspectionCommandTests() =>
        _calendar = new() { ["EVIDENCEVAULT_CALENDAR"] = _ws.Write("calendar.json", """{"years":{"2027":{"holidays":[],"workdays":[]}}}"""u8.ToArray()) };

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task InspectionTask_CreateRevealRecuseOutcomePublish_RefusalsOnTheWayAndTheTaskVerifies()
    {
        var due = await PoolsAndListAsync();

        var created = await Cli("inspection", "task", "create", "--matter", InspectionSamples.Matter, "--n", "2", "--area", "鼓楼区", "--seed-source", SeedSource, "--seed-due", due, "--json");
        var offList = await Cli("inspection", "task", "create", "--matter", "烟花爆竹检查", "--n", "2", "--seed-source", SeedSource, "--seed-due", due);
        var early = await Cli("inspection", "task", "reveal", "IT-1", "--seed", "583");
        await WaitUntilAsync(due);
        var revealed = await Cli("inspection", "task", "reveal", "IT-1", "--seed", "583", "--json");
        var first = revealed.Json.GetProperty("assignment")[0];
        var target = first.GetProperty("target").GetString()!;
        var inspector = first.GetProperty("inspectors")[0].GetString()!;
        var named = await Cli("inspection", "task", "recuse", "IT-1", "--target", target, "--inspector", inspector, "--reason", "亲属关系", "--replacement", "33020012345");
        var noReason = await Cli("inspection", "task", "recuse", "IT-1", "--target", target, "--inspector", inspector, "--reason", " ");
        var recused = await Cli("inspection", "task", "recuse", "IT-1", "--target", target, "--inspector", inspector, "--reason", "与检查对象负责人系亲属", "--json");
        var notDrawn = await Cli("inspection", "task", "outcome", "IT-1", "--target", "91330204MA2BBBBB05", "--result", "NoProblem", "--handling", "无", "--date", Today());
        var tooEarly = await Cli("inspection", "task", "publish", "IT-1");
        var listed = await Cli("inspection", "task", "outcome", "IT-1", "--target", target, "--result", "NoProblem,CaseOpened", "--handling", "无", "--date", Today());
        var outcomes = new List<CliResult>();
        foreach (var drawn in revealed.Json.GetProperty("assignment").EnumerateArray())
        {
            outcomes.Add(await Cli("inspection", "task", "outcome", "IT-1", "--target", drawn.GetProperty("target").GetString()!, "--result", "发现问题已责令整改", "--handling", "责令限期整改", "--date", Today()));
        }

        var published = await Cli("inspection", "task", "publish", "IT-1", "--json");
        var shown = await Cli("inspection", "task", "show", "IT-1", "--json");
        var clock = (await Cli("deadlines", "--json")).Json.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("subject").GetString() == "IT-1");

        Assert.Equal(0, created.ExitCode);
        Assert.Equal(("D-1", "D-2"), (created.Json.GetProperty("targetDraw").GetString(), created.Json.GetProperty("inspectorDraw").GetString()));
        Assert.Equal(6, offList.ExitCode);
        Assert.Contains("随机抽查事项清单", offList.StandardError, StringComparison.Ordinal);
        Assert.Equal(6, early.ExitCode);
        Assert.Contains("before its seed", early.StandardError, StringComparison.Ordinal);
        Assert.Equal(0, revealed.ExitCode);
        Assert.Equal(2, revealed.Json.GetProperty("assignment").GetArrayLength());
        Assert.All(revealed.Json.GetProperty("assignment").EnumerateArray(), a => Assert.StartsWith("91330203", a.GetProperty("target").GetString(), StringComparison.Ordinal));
        Assert.Equal(6, named.ExitCode);
        Assert.Contains("cannot be named", named.StandardError, StringComparison.Ordinal);
        Assert.Equal(2, noReason.ExitCode);
        Assert.Contains("needs its reason", noReason.StandardError, StringComparison.Ordinal);
        Assert.Equal(0, recused.ExitCode);
        Assert.NotEqual(inspector, recused.Json.GetProperty("replacement").GetString());
        Assert.Equal(6, notDrawn.ExitCode);
        Assert.Contains("was not drawn", notDrawn.StandardError, StringComparison.Ordinal);
        Assert.Equal(6, tooEarly.ExitCode);
        Assert.Equal(2, listed.ExitCode);
        Assert.Contains("'NoProblem,CaseOpened' is not an inspection result (one result per target, not a list); allowed: NoProblem (未发现问题)", listed.StandardError, StringComparison.Ordinal);
        Assert.All(outcomes, o => Assert.Equal(0, o.ExitCode));
        Assert.Equal(0, published.ExitCode);
        Assert.Equal("发现问题已责令整改", published.Json.GetProperty("targets")[0].GetProperty("result").GetString());
        Assert.All(published.Json.GetProperty("targets").EnumerateArray().SelectMany(t => t.GetProperty("inspectors").EnumerateArray()), i => Assert.NotNull(i.GetProperty("unit").GetString()));
        Assert.Equal(0, shown.ExitCode);
        Assert.True(shown.Json.GetProperty("verified").GetBoolean());
        Assert.Equal((Today(), 0), (clock.GetProperty("doneOn").GetString(), clock.GetProperty("daysLate").GetInt32()));
        Assert.Contains("20 working days", clock.GetProperty("rule").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(inspector, shown.Json.GetProperty("assignment")[0].GetProperty("inspectors").EnumerateArray().Select(i => i.GetString()));
    }

    [Fact]
    public async Task InspectionTask_PlantedAssignmentRow_ShowFailsReplayAndPublishRefused()
    {
        var due = await PoolsAndListAsync();
        await Cli("inspection", "task", "create", "--matter", InspectionSamples.Matter, "--n", "1", "--area", "鼓楼区", "--seed-source", SeedSource, "--seed-due", due);
        await WaitUntilAsync(due);
        var revealed = await Cli("inspection", "task", "reveal", "IT-1", "--seed", "583", "--json");
        var target = revealed.Json.GetProperty("assignment")[0].GetProperty("target").GetString()!;
        await Cli("inspection", "task", "outcome", "IT-1", "--target", target, "--result", "NoProblem", "--handling", "无", "--date", Today());

        // A hand-picked pair written over the drawn one.
        await _ws.EditCatalogAsync($$"""UPDATE inspection_tasks SET assignment = '[{"target":"{{target}}","inspectors":["33020012341","33020012342"]}]' WHERE id = 1""");
        var shown = await Cli("inspection", "task", "show", "IT-1", "--json");
        var published = await Cli("inspection", "task", "publish", "IT-1");

        var drawn = revealed.Json.GetProperty("assignment")[0].GetProperty("inspectors").EnumerateArray().Select(i => i.GetString()).ToList();
        Assert.NotEqual(["33020012341", "33020012342"], drawn);
        Assert.Equal(3, shown.ExitCode);
        Assert.False(shown.Json.GetProperty("verified").GetBoolean());
        Assert.Contains("stored assignment", string.Join("; ", shown.Json.GetProperty("problems").EnumerateArray().Select(p => p.GetString())), StringComparison.Ordinal);
        Assert.Equal(6, published.ExitCode);
        Assert.Contains("does not verify", published.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InspectionTask_PoolRewrittenAfterTheCommit_RevealRefusedByTheListHash()
    {
        var due = await PoolsAndListAsync();
        await Cli("inspection", "task", "create", "--matter", InspectionSamples.Matter, "--n", "2", "--seed-source", SeedSource, "--seed-due", due);

        // A tamperer swaps a target and rewrites the row's own hash too, so only the draw's committed list can tell.
        var swapped = InspectionSamples.Targets.Replace("91330204MA2BBBBB06", "91330204MA2CCCCC99", StringComparison.Ordinal);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(swapped)));
        await _ws.EditCatalogAsync($"DROP TRIGGER inspection_pools_append_only_update; UPDATE inspection_pools SET csv = '{swapped}', sha256 = '{sha}' WHERE id = 1");
        var reveal = await Cli("inspection", "task", "reveal", "IT-1", "--seed", "583");
        var shown = await Cli("inspection", "task", "show", "IT-1", "--json");

        Assert.Equal(6, reveal.ExitCode);
        Assert.Contains("committed to", reveal.StandardError, StringComparison.Ordinal);
        Assert.Equal(3, shown.ExitCode);
        Assert.Contains("pool v1 gives list", shown.Json.GetProperty("problems")[0].GetString(), StringComparison.Ordinal);
    }

    /// <summary>Imports both pools, publishes the matter list (事前公开, as an administrator does), and gives a seed due a few seconds ahead.</summary>
    private async Task<string> PoolsAndListAsync()
    {
        var targets = await Cli("inspection", "pool", "import", "targets", "--file", _ws.Write("targets.csv", Encoding.UTF8.GetBytes(InspectionSamples.Targets)), "--json");
        var inspectors = await Cli("inspection", "pool", "import", "inspectors", "--file", _ws.Write("inspectors.csv", Encoding.UTF8.GetBytes(InspectionSamples.Inspectors)), "--json");
        Assert.Equal((0, 0), (targets.ExitCode, inspectors.ExitCode));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(InspectionSamples.Targets))), targets.Json.GetProperty("sha256").GetString());
        Assert.Equal((2L, 5), (inspectors.Json.GetProperty("version").GetInt64(), inspectors.Json.GetProperty("members").GetInt32()));
        var list = await Cli("prior-disclosure", "import", _ws.Write("prior-disclosure.json", Encoding.UTF8.GetBytes(PriorDisclosureDocument.Write(PriorDisclosureSamples.Set()))));
        var listed = await Cli("prior-disclosure", "publish");
        Assert.Equal((0, 0), (list.ExitCode, listed.ExitCode));

        // Far enough ahead that the early reveal is early even when processes start slowly on a loaded machine.
        return TimeProvider.System.GetUtcNow().AddSeconds(12).ToString("O", CultureInfo.InvariantCulture);
    }

    private static async Task WaitUntilAsync(string due) =>
        await Task.Delay(TimeSpan.FromTicks(Math.Max(0, (DateTimeOffset.Parse(due, CultureInfo.InvariantCulture) - TimeProvider.System.GetUtcNow()).Ticks)) + TimeSpan.FromMilliseconds(200));

    private static string Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<CliResult> Cli(params string[] args) => CliRunner.RunAsync(_ws.Data, _calendar, args);
}
