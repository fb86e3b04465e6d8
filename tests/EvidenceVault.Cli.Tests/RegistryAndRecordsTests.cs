using System.Text;
using EvidenceVault.Cli.Tests.Support;

namespace EvidenceVault.Cli.Tests;

[Collection(MediaCollection.Name)]
public sealed class RegistryAndRecordsTests(SampleMedia media) : IDisposable
{
    private const string Case = "市监罚〔2025〕40号";
    private readonly Workspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Add_WrittenRecord_IsHashedStoredAndAttachedToTheStage()
    {
        await Cli("cases", "create", Case, "--type", "penalty", "--party", "某某公司");
        var record = Path.Combine(_ws.Root, "送达回证.txt");
        await File.WriteAllTextAsync(record, "送达回证\n受送达人：某某公司\n", Encoding.UTF8);

        var added = await Cli("add", record, "--case", Case, "--stage", "送达", "--document-type", "proof-of-service", "--json");

        Assert.Equal(0, added.ExitCode);
        Assert.Equal("text", added.Json.GetProperty("item").GetProperty("kind").GetString());
        Assert.Equal("Service", added.Json.GetProperty("link").GetProperty("stage").GetString());
        Assert.Equal("proof-of-service", added.Json.GetProperty("link").GetProperty("documentType").GetString());
        Assert.Equal(1, _ws.CountVaultOriginals());
    }

    [Fact]
    public async Task Add_UnknownCase_RefusedBeforeAnythingIsStored()
    {
        var record = Path.Combine(_ws.Root, "notes.txt");
        await File.WriteAllTextAsync(record, "notes");

        var added = await Cli("add", record, "--case", "no-such-case", "--stage", "start");

        Assert.Equal(4, added.ExitCode);
        Assert.Equal(0, _ws.CountVaultOriginals());
    }

    [Fact]
    public async Task DevicesBind_FileWithoutOfficer_GetsOfficerFromBinding()
    {
        var csv = Path.Combine(_ws.Root, "officers.csv");
        await File.WriteAllTextAsync(csv, "number,name,certificate,unit\n010203,张三,33010012345,一中队\n040506,李四,,二中队\n", Encoding.UTF8);
        var import = await Cli("officers", "import", csv, "--json");
        await Cli("devices", "add", "A123456", "--model", "DSJ-V9");
        await Cli("devices", "bind", "A123456", "010203", "--from", "2025-01-01T00:00:00+08:00");
        await Cli("devices", "bind", "A123456", "040506", "--from", "2025-03-01T12:00:00+08:00");
        _ws.Put("morning.mp4", media.Video360);
        File.SetLastWriteTimeUtc(Path.Combine(_ws.Recorder, "morning.mp4"), new DateTime(2025, 3, 1, 1, 0, 0, DateTimeKind.Utc));

        var item = Workspace.Item(await _ws.IngestAsync("--defer-media", "--device", "A123456"), "morning.mp4");
        var devices = await Cli("devices", "list", "--json");

        Assert.Equal(2, import.Json.GetProperty("imported").GetInt32());
        Assert.Equal("010203", item.GetProperty("officerId").GetString());
        var bindings = devices.Json.GetProperty("bindings").EnumerateArray().ToList();
        Assert.Equal("2025-03-01T12:00:00+08:00", bindings[0].GetProperty("to").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, bindings[1].GetProperty("to").ValueKind);
    }

    [Fact]
    public async Task OfficersImport_BadLine_ImportsNothing()
    {
        var csv = Path.Combine(_ws.Root, "officers.csv");
        await File.WriteAllTextAsync(csv, "number,name\n010203,张三\n040506\n");

        var import = await Cli("officers", "import", csv);
        var list = await Cli("officers", "list", "--json");

        Assert.Equal(2, import.ExitCode);
        Assert.Contains("Line 3", import.StandardError, StringComparison.Ordinal);
        Assert.Empty(list.Json.GetProperty("officers").EnumerateArray());
    }

    private Task<CliResult> Cli(params string[] args) => CliRunner.RunAsync(_ws.Data, args);
}
