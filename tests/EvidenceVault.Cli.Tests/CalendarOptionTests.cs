using EvidenceVault.Cli.Tests.Support;

namespace EvidenceVault.Cli.Tests;

/// <summary><c>--calendar</c> and <c>EVIDENCEVAULT_CALENDAR</c>: holiday years beyond the built-in 2025-2026.</summary>
public sealed class CalendarOptionTests : IDisposable
{
    private const string Case = "市监罚〔2027〕1号";
    private readonly Workspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Decide_2027_ProvisionalWithoutTheYearAndRecountedWithIt()
    {
        // 2027-03-01 is a Monday; the file makes Tuesday 03-02 a holiday, so the 7th working day moves from 03-10 to 03-11.
        var calendar = Write("calendar-2027.json", """{"years":{"2027":{"holidays":["2027-03-02"],"workdays":[]}}}""");
        await Cli("cases", "create", Case, "--type", "penalty", "--party", "某某公司");

        var decided = await Cli("cases", "decide", Case, "--date", "2027-03-01", "--conclusion", "罚款");
        var listedWithout = (await Cli("deadlines", "--json")).Json.GetProperty("deadlines")[0];
        var listedThroughVariable = (await CliRunner.RunAsync(_ws.Data, new Dictionary<string, string> { ["EVIDENCEVAULT_CALENDAR"] = calendar }, "deadlines", "--json")).Json.GetProperty("deadlines")[0];
        var listedWithOption = (await Cli("deadlines", "--json", "--calendar", calendar)).Json.GetProperty("deadlines")[0];

        // Without the official year, Monday to Friday count, and the date says it is provisional.
        Assert.Equal(0, decided.ExitCode);
        Assert.Equal(("2027-03-10", true), (listedWithout.GetProperty("due").GetString(), listedWithout.GetProperty("provisional").GetBoolean()));
        Assert.Equal(("2027-03-11", false), (listedThroughVariable.GetProperty("due").GetString(), listedThroughVariable.GetProperty("provisional").GetBoolean()));
        Assert.Equal("2027-03-11", listedWithOption.GetProperty("due").GetString());
    }

    [Theory]
    [InlineData("missing.json", null)]
    [InlineData("broken.json", "{\"years\":")]
    [InlineData("wrong-year.json", "{\"years\":{\"2027\":{\"holidays\":[\"2028-01-01\"],\"workdays\":[]}}}")]
    public async Task Calendar_BadFile_ExitsTwoNamingTheFile(string name, string? content)
    {
        var path = content is null ? Path.Combine(_ws.Root, name) : Write(name, content);

        var result = await Cli("deadlines", "--calendar", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(name, result.StandardError, StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_ws.Root, name);
        File.WriteAllText(path, content);
        return path;
    }

    private Task<CliResult> Cli(params string[] args) => CliRunner.RunAsync(_ws.Data, args);
}
