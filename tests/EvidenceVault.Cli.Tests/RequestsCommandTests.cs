using EvidenceVault.Application.Requests;
using EvidenceVault.Cli.Tests.Support;
using EvidenceVault.Domain.Requests;
using EvidenceVault.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Tests;

public sealed class RequestsCommandTests : IDisposable
{
    private readonly Workspace _ws = new();
    private readonly string _calendar;

    // The real clock runs these commands: a reply due in the next year needs that year's calendar loaded.
    public RequestsCommandTests()
    {
        _calendar = Path.Combine(_ws.Root, "calendar-next.json");
        var next = TimeProvider.System.GetUtcNow().Year + 1;
        File.WriteAllText(_calendar, "{\"years\":{\"" + next.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\":{\"holidays\":[],\"workdays\":[]}}}");
    }

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Requests_SubmittedThenExtendedAndAnswered_ListsDueDatesAndLedgerHoldsNoPersonalData()
    {
        var acknowledgement = await SubmitAsync();

        var listed = (await Cli("requests", "list", "--json")).Json.GetProperty("requests")[0];
        var extended = await Cli("requests", "extend", acknowledgement.Reference.ToString(), "--approver", "王主任", "--reason", "需要征求第三方意见", "--json");
        var secondExtension = await Cli("requests", "extend", acknowledgement.Reference.ToString(), "--approver", "王主任", "--reason", "再次延长");
        var badOutcome = await Cli("requests", "answer", acknowledgement.Reference.ToString(), "--outcome", "maybe");
        var answered = await Cli("requests", "answer", acknowledgement.Reference.ToString(), "--outcome", "withheld", "--ground", "条例第十四条", "--json");
        var deadline = (await Cli("deadlines", "--json")).Json.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("subject").GetString() == acknowledgement.Reference.ToString());
        var ledger = (await Cli("audit", "show", "--subject", acknowledgement.Reference.ToString(), "--json")).StandardOutput;

        Assert.Equal(acknowledgement.Reference.ToString(), listed.GetProperty("reference").GetString());
        Assert.Equal(acknowledgement.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), listed.GetProperty("due").GetString());
        Assert.Equal(0, extended.ExitCode);
        Assert.Contains("extended once", extended.Json.GetProperty("dueRule").GetString(), StringComparison.Ordinal);
        Assert.Equal(6, secondExtension.ExitCode);
        Assert.Equal(2, badOutcome.ExitCode);
        Assert.Contains("not-held", badOutcome.StandardError, StringComparison.Ordinal);
        Assert.Equal("withheld", answered.Json.GetProperty("answer").GetProperty("outcome").GetString());
        Assert.True(deadline.TryGetProperty("doneOn", out var doneOn) && doneOn.GetString() is not null);
        Assert.Contains("information-request.received", ledger, StringComparison.Ordinal);
        Assert.Contains("contentSha256", ledger, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", ledger, StringComparison.Ordinal);
        Assert.DoesNotContain("张三", ledger, StringComparison.Ordinal);
    }

    private async Task<RequestAcknowledgement> SubmitAsync()
    {
        await using var services = new ServiceCollection().AddSingleton(TimeProvider.System)
            .AddRequestIntake(new EvidenceVaultSettings { DataDirectory = _ws.Data, Actor = "public", CalendarFile = _calendar }).BuildServiceProvider();
        var acknowledgement = await services.GetRequiredService<IRequestIntake>().SubmitAsync(
            new RequestSubmission("张三", null, null, "13812345678", null, null, "2024年度行政处罚决定书目录", null, "电子"), CancellationToken.None);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return acknowledgement;
    }

    [Fact]
    public async Task RequestsAdd_LetterWithReceiptDay_StoredWithItsClockAndChannelInTheLedger()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        var received = today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var added = await Cli("requests", "add", "--channel", "letter", "--received", received, "--name", "李四", "--address", "南京市鼓楼区中山路1号", "--description", "某文件", "--form", "paper", "--json");
        var noContact = await Cli("requests", "add", "--channel", "fax", "--name", "李四", "--description", "某文件", "--form", "paper");
        var request = added.Json.GetProperty("request");
        var reference = request.GetProperty("reference").GetString()!;
        var code = added.Json.GetProperty("queryCode").GetString()!;
        var ledger = (await Cli("audit", "show", "--subject", reference, "--json")).StandardOutput;

        Assert.Equal(0, added.ExitCode);
        Assert.Equal(received, request.GetProperty("receivedOn").GetString());
        Assert.NotNull(request.GetProperty("due").GetString());
        Assert.Matches("^[A-HJ-NP-Z2-9]{8}$", code);
        Assert.DoesNotContain(code, ledger, StringComparison.OrdinalIgnoreCase); // the query code is printed once, stored only hashed
        Assert.Equal(2, noContact.ExitCode);
        Assert.Contains("letter", ledger, StringComparison.Ordinal); // the receipt names its channel
        Assert.DoesNotContain("李四", ledger, StringComparison.Ordinal);
    }

    private Task<CliResult> Cli(params string[] args) => CliRunner.RunAsync(_ws.Data, new Dictionary<string, string> { ["EVIDENCEVAULT_CALENDAR"] = _calendar }, args);
}
