using System.Text.Json;
using EvidenceVault.Cli.Tests.Support;

namespace EvidenceVault.Cli.Tests;

public sealed class DeadlinesCommandTests : IDisposable
{
    private const string Case = "市监罚〔2025〕7号";
    private readonly Workspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Deadlines_PenaltyBeforeSpringFestival_DueAfterTheHolidayAndMetByThePublicationTime()
    {
        await Cli("cases", "create", Case, "--type", "行政处罚", "--party", "某某公司");
        await Cli("cases", "decide", Case, "--date", "2025-01-24", "--conclusion", "罚款");

        var open = (await Cli("deadlines", "--json")).Json.GetProperty("deadlines")[0];
        await PublishAsync();
        var overdueAfterPublishing = await Cli("deadlines", "--overdue", "--json");
        var published = (await Cli("deadlines", "--json")).Json.GetProperty("deadlines")[0];

        Assert.Equal("2025-02-10", open.GetProperty("due").GetString());
        Assert.True(open.GetProperty("daysLate").GetInt32() > 0);

        // Published late, so it stays among the late ones, now with the day it was done.
        Assert.Equal(JsonValueKind.String, Assert.Single(overdueAfterPublishing.Json.GetProperty("deadlines").EnumerateArray()).GetProperty("doneOn").ValueKind);

        // Done on the day the site published it (today), not on a date anyone typed.
        var doneOn = DateOnly.Parse(published.GetProperty("doneOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        Assert.InRange(doneOn, today.AddDays(-1), today.AddDays(1));
        Assert.Equal(open.GetProperty("daysLate").GetInt32(), published.GetProperty("daysLate").GetInt32());
    }

    [Fact]
    public async Task Deadlines_RevokedDecisionWithdrawnLate_TakedownDueThreeDaysAfterTheRevocationAndLate()
    {
        await Cli("cases", "create", Case, "--type", "inspection", "--party", "某某公司");
        await Cli("cases", "decide", Case, "--date", "2025-02-20", "--conclusion", "责令整改");
        await PublishAsync();
        await Cli("cases", "revoke", Case, "--date", "2025-03-01");
        var withdrawn = await Cli("publications", "withdraw", "1", "--kind", "revoked", "--reason", "复议决定撤销", "--actor", "li@station");

        var takedown = (await Cli("deadlines", "--json")).Json.GetProperty("deadlines").EnumerateArray()
            .Single(d => d.GetProperty("obligation").GetString() == "take down revoked decision");

        Assert.Equal(0, withdrawn.ExitCode);
        Assert.Equal("2025-03-04", takedown.GetProperty("due").GetString());
        Assert.True(takedown.GetProperty("daysLate").GetInt32() > 0);
    }

    [Fact]
    public async Task Deadlines_Ledger_OpenedOnDecisionOverdueOnceAndClosedByTheApproval()
    {
        await Cli("cases", "create", Case, "--type", "行政处罚", "--party", "某某公司");
        await Cli("cases", "decide", Case, "--date", "2025-01-24", "--conclusion", "罚款");
        await Cli("deadlines");
        await Cli("deadlines", "--overdue", "--json");
        await PublishAsync();
        await Cli("deadlines");

        var entries = await LedgerAsync();

        Assert.Equal(["case.created", "case.decided", "deadline.opened", "deadline.overdue", "publication.drafted", "publication.approved", "deadline.missed"], entries.Select(e => e.Action));
        var opened = entries.Single(e => e.Action == "deadline.opened").Details;
        Assert.Equal(("publish", "2025-02-10"), (opened.GetProperty("what").GetString(), opened.GetProperty("due").GetString()));
        Assert.Contains("7 working days", opened.GetProperty("rule").GetString(), StringComparison.Ordinal);
        Assert.True(entries.Single(e => e.Action == "deadline.missed").Details.GetProperty("daysLate").GetInt32() > 0);
        Assert.Equal(0, (await Cli("audit", "verify")).ExitCode);
    }

    [Fact]
    public async Task Deadlines_Ledger_TwentyWorkingDaysAndTheRevocationOpensTheTakedown()
    {
        await Cli("cases", "create", Case, "--type", "inspection", "--party", "某某公司");
        await Cli("cases", "decide", Case, "--date", "2025-02-20", "--conclusion", "责令整改");
        await Cli("cases", "revoke", Case, "--date", "2025-03-01");

        var entries = await LedgerAsync();

        var opened = entries.Where(e => e.Action == "deadline.opened").Select(e => e.Details).ToList();
        Assert.Contains("20 working days", opened[0].GetProperty("rule").GetString(), StringComparison.Ordinal);
        Assert.Equal(("takedown", "2025-03-04"), (opened[1].GetProperty("what").GetString(), opened[1].GetProperty("due").GetString()));
    }

    [Fact]
    public async Task CasesPublish_TypedDate_IsNoLongerACommand()
    {
        await Cli("cases", "create", Case, "--type", "penalty", "--party", "某某公司");
        await Cli("cases", "decide", Case, "--date", "2025-01-24", "--conclusion", "罚款");

        var typed = await Cli("cases", "publish", Case, "--date", "2025-02-07");
        var deadline = (await Cli("deadlines", "--json")).Json.GetProperty("deadlines")[0];

        Assert.NotEqual(0, typed.ExitCode);
        Assert.Equal(JsonValueKind.Null, deadline.GetProperty("doneOn").ValueKind);
    }

    [Fact]
    public async Task PublicationsApprove_ByTheDrafter_RefusedAndNothingPublished()
    {
        await Cli("cases", "create", Case, "--type", "penalty", "--party", "某某公司");
        await Cli("cases", "decide", Case, "--date", "2025-01-24", "--conclusion", "罚款");
        await Cli("publications", "draft", Case, "--document-number", Case, "--agency", "某区市场监督管理局", "--facts", "销售过期食品", "--basis", "《食品安全法》第一百二十四条");

        var own = await Cli("publications", "approve", "1");
        var listed = (await Cli("publications", "list", "--json")).Json.GetProperty("publications")[0];

        Assert.NotEqual(0, own.ExitCode);
        Assert.Contains("another person", own.StandardError, StringComparison.Ordinal);
        Assert.Equal("draft", listed.GetProperty("status").GetString());
    }

    [Fact]
    public async Task PublicationsDraft_WithoutDecision_ClearError()
    {
        await Cli("cases", "create", Case, "--type", "penalty", "--party", "某某公司");

        var result = await Cli("publications", "draft", Case, "--document-number", Case, "--agency", "某区市场监督管理局", "--facts", "事实", "--basis", "依据");

        Assert.Equal(6, result.ExitCode);
        Assert.Contains("no decision", result.StandardError, StringComparison.Ordinal);
    }

    /// <summary>Drafted by this operator, approved by another: the publication is on the site from now.</summary>
    private async Task PublishAsync()
    {
        var drafted = await Cli("publications", "draft", Case, "--document-number", Case, "--agency", "某区市场监督管理局", "--facts", "销售过期食品", "--basis", "《食品安全法》第一百二十四条", "--json");
        Assert.True(drafted.ExitCode == 0, drafted.StandardError);
        var approved = await Cli("publications", "approve", drafted.Json.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), "--actor", "li@station");
        Assert.True(approved.ExitCode == 0, approved.StandardError);
    }

    private async Task<List<(string? Action, JsonElement Details)>> LedgerAsync() =>
        [.. (await Cli("audit", "show", "--subject", Case, "--json")).Json.GetProperty("entries").EnumerateArray()
            .Select(e => (e.GetProperty("action").GetString(), e.GetProperty("details")))];

    private Task<CliResult> Cli(params string[] args) => CliRunner.RunAsync(_ws.Data, args);
}
