using System.Text.Json;
using EvidenceVault.Cli.Tests.Support;

namespace EvidenceVault.Cli.Tests;

public sealed class DeadlinesCommandTests : IDisposable
{
    private const string Case = "市监罚〔2025〕7号";
    private readonly Workspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Deadlines_PenaltyBeforeSpringFestival_DueAfterTheHolidayAndTrackedToPublication()
    {
        await Cli("cases", "create", Case, "--type", "行政处罚", "--party", "某某公司");
        await Cli("cases", "decide", Case, "--date", "2025-01-24", "--conclusion", "罚款");

        var open = (await Cli("deadlines", "--json")).Json.GetProperty("deadlines")[0];
        await Cli("cases", "publish", Case, "--date", "2025-02-07");
        var overdueAfterPublishing = await Cli("deadlines", "--overdue", "--json");
        var published = (await Cli("deadlines", "--json")).Json.GetProperty("deadlines")[0];

        Assert.Equal("2025-02-10", open.GetProperty("due").GetString());
        Assert.True(open.GetProperty("daysLate").GetInt32() > 0);
        Assert.Empty(overdueAfterPublishing.Json.GetProperty("deadlines").EnumerateArray());
        Assert.Equal("2025-02-07", published.GetProperty("doneOn").GetString());
        Assert.Equal(0, published.GetProperty("daysLate").GetInt32());
    }

    [Fact]
    public async Task Deadlines_RevokedDecisionTakenDownLate_ReportsOneDayLate()
    {
        await Cli("cases", "create", Case, "--type", "inspection", "--party", "某某公司");
        await Cli("cases", "decide", Case, "--date", "2025-02-20", "--conclusion", "责令整改");
        await Cli("cases", "publish", Case, "--date", "2025-02-21");
        var takedownBeforeRevoke = await Cli("cases", "takedown", Case, "--date", "2025-03-01");
        await Cli("cases", "revoke", Case, "--date", "2025-03-01");
        await Cli("cases", "takedown", Case, "--date", "2025-03-05");

        var takedown = (await Cli("deadlines", "--json")).Json.GetProperty("deadlines").EnumerateArray()
            .Single(d => d.GetProperty("obligation").GetString() == "take down revoked decision");

        Assert.Equal(6, takedownBeforeRevoke.ExitCode);
        Assert.Equal("2025-03-04", takedown.GetProperty("due").GetString());
        Assert.Equal(1, takedown.GetProperty("daysLate").GetInt32());
    }

    [Fact]
    public async Task Deadlines_Ledger_OpenedOnDecisionOverdueOnceAndMetOnPublication()
    {
        await Cli("cases", "create", Case, "--type", "行政处罚", "--party", "某某公司");
        await Cli("cases", "decide", Case, "--date", "2025-01-24", "--conclusion", "罚款");
        await Cli("deadlines");
        await Cli("deadlines", "--overdue", "--json");
        await Cli("cases", "publish", Case, "--date", "2025-02-07");
        await Cli("deadlines");

        var entries = await LedgerAsync();

        Assert.Equal(["case.created", "case.decided", "deadline.opened", "deadline.overdue", "case.disclosure", "deadline.met"], entries.Select(e => e.Action));
        var opened = entries.Single(e => e.Action == "deadline.opened").Details;
        Assert.Equal(("publish", "2025-02-10"), (opened.GetProperty("what").GetString(), opened.GetProperty("due").GetString()));
        Assert.Contains("7 working days", opened.GetProperty("rule").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, entries.Single(e => e.Action == "deadline.met").Details.GetProperty("daysLate").GetInt32());
        Assert.Equal(0, (await Cli("audit", "verify")).ExitCode);
    }

    [Fact]
    public async Task Deadlines_Ledger_TwentyWorkingDaysAndLateTakedownMissed()
    {
        await Cli("cases", "create", Case, "--type", "inspection", "--party", "某某公司");
        await Cli("cases", "decide", Case, "--date", "2025-02-20", "--conclusion", "责令整改");
        await Cli("cases", "revoke", Case, "--date", "2025-03-01");
        await Cli("cases", "takedown", Case, "--date", "2025-03-05");

        var entries = await LedgerAsync();

        var opened = entries.Where(e => e.Action == "deadline.opened").Select(e => e.Details).ToList();
        Assert.Contains("20 working days", opened[0].GetProperty("rule").GetString(), StringComparison.Ordinal);
        Assert.Equal(("takedown", "2025-03-04"), (opened[1].GetProperty("what").GetString(), opened[1].GetProperty("due").GetString()));
        var missed = entries.Single(e => e.Action == "deadline.missed").Details;
        Assert.Equal(("takedown", 1), (missed.GetProperty("what").GetString(), missed.GetProperty("daysLate").GetInt32()));
    }

    [Fact]
    public async Task CasesPublish_WithoutDecision_ClearError()
    {
        await Cli("cases", "create", Case, "--type", "penalty", "--party", "某某公司");

        var result = await Cli("cases", "publish", Case, "--date", "2025-02-07");

        Assert.Equal(6, result.ExitCode);
        Assert.Contains("no decision", result.StandardError, StringComparison.Ordinal);
    }

    private async Task<List<(string? Action, JsonElement Details)>> LedgerAsync() =>
        [.. (await Cli("audit", "show", "--subject", Case, "--json")).Json.GetProperty("entries").EnumerateArray()
            .Select(e => (e.GetProperty("action").GetString(), e.GetProperty("details")))];

    private Task<CliResult> Cli(params string[] args) => CliRunner.RunAsync(_ws.Data, args);
}
