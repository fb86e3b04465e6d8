using System.Text;
using System.Text.Json;
using EvidenceVault.Cli.Tests.Support;

namespace EvidenceVault.Cli.Tests;

/// <summary><c>devices import</c>, <c>devices import-bindings</c>, <c>officers show</c> and <c>devices show</c>.</summary>
public sealed class RegistryImportTests : IDisposable
{
    private readonly Workspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task DevicesImport_GoodFile_SavesEveryDeviceWithCustody()
    {
        var import = await Cli("devices", "import", Csv("devices.csv", "serial,model,unit\nA123456,DSJ-V9,一中队\nB765432,,二中队\n"), "--json");
        var shown = await Cli("devices", "show", "B765432", "--json");
        var custody = await Cli("audit", "show", "--subject", "A123456", "--json");

        Assert.Equal(2, import.Json.GetProperty("imported").GetInt32());
        Assert.Equal(JsonValueKind.Null, shown.Json.GetProperty("device").GetProperty("model").ValueKind);
        Assert.Equal("二中队", shown.Json.GetProperty("device").GetProperty("unit").GetString());
        Assert.Equal("csv", Assert.Single(custody.Json.GetProperty("entries").EnumerateArray()).GetProperty("details").GetProperty("source").GetString());
        Assert.Equal(0, (await Cli("audit", "verify")).ExitCode);
    }

    [Fact]
    public async Task DevicesImport_BadLine_ImportsNothing()
    {
        var import = await Cli("devices", "import", Csv("devices.csv", "serial,model,unit\nA123456,DSJ-V9,一中队\n,DSJ-V9,二中队\n"));
        var list = await Cli("devices", "list", "--json");

        Assert.Equal(2, import.ExitCode);
        Assert.Contains("Line 3", import.StandardError, StringComparison.Ordinal);
        Assert.Empty(list.Json.GetProperty("devices").EnumerateArray());
    }

    [Fact]
    public async Task DevicesImportBindings_GoodFileOutOfOrder_BindsOldestFirstAndShowListsThem()
    {
        await ImportOfficersAsync();
        var csv = Csv("bindings.csv", "device,officer,from,to\nA123456,040506,2025-03-01T12:00:00+08:00,\nA123456,010203,2025-01-01T00:00:00+08:00,\nB765432,010203,2025-01-01T00:00:00+08:00,2025-02-01T00:00:00+08:00\n");

        var import = await Cli("devices", "import-bindings", csv, "--json");
        var shown = await Cli("devices", "show", "A123456", "--json");
        var other = await Cli("devices", "show", "B765432", "--json");

        Assert.Equal(3, import.Json.GetProperty("imported").GetInt32());
        var bindings = shown.Json.GetProperty("bindings").EnumerateArray().ToList();
        Assert.Equal(["010203", "040506"], bindings.Select(b => b.GetProperty("officer").GetString()));
        Assert.Equal("2025-03-01T12:00:00+08:00", bindings[0].GetProperty("to").GetString());
        Assert.Equal(JsonValueKind.Null, bindings[1].GetProperty("to").ValueKind);
        Assert.Equal("2025-02-01T00:00:00+08:00", Assert.Single(other.Json.GetProperty("bindings").EnumerateArray()).GetProperty("to").GetString());
        Assert.Equal(0, (await Cli("audit", "verify")).ExitCode);
    }

    [Theory]
    [InlineData("A123456,999999,2025-03-01T12:00:00+08:00,", "999999 is not in the registry")]
    [InlineData("A123456,040506,2025-03-01 12:00,", "ISO-8601")]
    [InlineData("A123456,040506,2025-03-01T12:00:00+08:00,2025-03-01T11:00:00+08:00", "ends before it starts")]
    [InlineData("A123456,040506", "3 fields are required")]
    public async Task DevicesImportBindings_BadLine3_ImportsNothing(string line, string problem)
    {
        await ImportOfficersAsync();

        var import = await Cli("devices", "import-bindings", Csv("bindings.csv", $"device,officer,from,to\nA123456,010203,2025-01-01T00:00:00+08:00,\n{line}\n"));
        var list = await Cli("devices", "list", "--json");

        Assert.Equal(2, import.ExitCode);
        Assert.Contains("Line 3", import.StandardError, StringComparison.Ordinal);
        Assert.Contains(problem, import.StandardError, StringComparison.Ordinal);
        Assert.Empty(list.Json.GetProperty("bindings").EnumerateArray());
    }

    [Fact]
    public async Task OfficersShow_KnownAndUnknown_ShowsOrNotFound()
    {
        await ImportOfficersAsync();

        var known = await Cli("officers", "show", "010203", "--json");
        var unknown = await Cli("officers", "show", "999999");
        var unknownDevice = await Cli("devices", "show", "Z999999");

        Assert.Equal("张三", known.Json.GetProperty("name").GetString());
        Assert.Equal("33010012345", known.Json.GetProperty("certificate").GetString());
        Assert.Equal(4, unknown.ExitCode);
        Assert.Contains("999999", unknown.StandardError, StringComparison.Ordinal);
        Assert.Equal(4, unknownDevice.ExitCode);
    }

    private async Task ImportOfficersAsync() =>
        Assert.Equal(0, (await Cli("officers", "import", Csv("officers.csv", "number,name,certificate,unit\n010203,张三,33010012345,一中队\n040506,李四,,二中队\n"))).ExitCode);

    private string Csv(string name, string content)
    {
        var path = Path.Combine(_ws.Root, name);
        File.WriteAllText(path, content, Encoding.UTF8);
        return path;
    }

    private Task<CliResult> Cli(params string[] args) => CliRunner.RunAsync(_ws.Data, args);
}
