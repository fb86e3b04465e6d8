using System.Text;
using System.Text.Json.Nodes;
using EvidenceVault.Cli.Tests.Support;

namespace EvidenceVault.Cli.Tests;

/// <summary><c>prior-disclosure show|export|import|publish</c>: the 事前公开 data as one JSON document.</summary>
public sealed class PriorDisclosureCommandTests : IDisposable
{
    private readonly Workspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task ExportImportPublish_EditedDocument_RoundTripsAsNewVersionsAndPublishes()
    {
        var template = await Cli("prior-disclosure", "export");
        var document = JsonNode.Parse(template.StandardOutput)!.AsObject();
        document["agency"] = new JsonObject { ["name"] = "宁波市鼓楼区市场监督管理局", ["duties"] = "市场监管", ["jurisdiction"] = "鼓楼区", ["address"] = "中山路1号", ["officeHours"] = "工作日" };
        document["officers"]!.AsArray().Add(new JsonObject { ["name"] = "张建国", ["certificate"] = "33020012345", ["category"] = "市场监管", ["area"] = "鼓楼区" });
        document["guides"]!.AsArray().Add(new JsonObject { ["title"] = "行政许可办理指南", ["text"] = "现场或网上申请", ["flowChart"] = new JsonArray("申请", "受理", "决定") });

        var first = await Cli("prior-disclosure", "import", File(document.ToJsonString()), "--json");
        var exported = await Cli("prior-disclosure", "export", "--output", Path.Combine(_ws.Root, "again.json"));
        var unchanged = await Cli("prior-disclosure", "import", Path.Combine(_ws.Root, "again.json"));
        document["officers"]![0]!["area"] = "海曙区";
        var second = await Cli("prior-disclosure", "import", File(document.ToJsonString()), "--json");
        var published = await Cli("prior-disclosure", "publish", "--json");
        var shown = await Cli("prior-disclosure", "show", "--json");

        Assert.Equal(0, template.ExitCode);
        Assert.Equal(1, first.Json.GetProperty("version").GetInt32());
        Assert.Contains("执法人员: 新增 张建国 (33020012345)", first.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, exported.ExitCode);
        var flow = JsonNode.Parse(await System.IO.File.ReadAllTextAsync(Path.Combine(_ws.Root, "again.json")))!["guides"]![0]!["flowChart"]!.AsArray();
        Assert.Equal(["申请", "受理", "决定"], flow.Select(s => s!.GetValue<string>()));
        Assert.Equal(6, unchanged.ExitCode);
        Assert.Contains("prior-disclosure-rule", unchanged.StandardError, StringComparison.Ordinal);
        Assert.Equal("执法人员: 修改 张建国 (33020012345)", Assert.Single(second.Json.GetProperty("changes").EnumerateArray()).GetString());
        Assert.Equal(2, published.Json.GetProperty("version").GetInt32());
        var versions = shown.Json.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal([2, 1], versions.Select(v => v.GetProperty("version").GetInt32()));
        Assert.All(versions, v => Assert.NotNull(v.GetProperty("publishedAt").GetString()));
        Assert.Equal(0, (await Cli("audit", "verify")).ExitCode);
    }

    [Fact]
    public async Task Import_BadCertificateNumber_NamesSectionItemAndFieldAndStoresNothing()
    {
        var import = await Cli("prior-disclosure", "import", File(Document("""{ "name": "李四", "certificate": "99020012345", "category": "市场监管", "area": "鼓楼区" }""")));

        Assert.Equal(2, import.ExitCode);
        Assert.Contains("officers item 1 (李四), field 'certificate'", import.StandardError, StringComparison.Ordinal);
        Assert.Contains("province code", import.StandardError, StringComparison.Ordinal);
        Assert.Empty((await Cli("prior-disclosure", "show", "--json")).Json.GetProperty("versions").EnumerateArray());
    }

    [Fact]
    public async Task Import_UnknownSectionAndField_NamesBothAndStoresNothing()
    {
        var json = JsonNode.Parse(Document("""{ "name": "李四", "certificate": "33020012345", "category": "市场监管", "area": "鼓楼区", "phone": "1" }"""))!.AsObject();
        json["awards"] = new JsonArray();

        var import = await Cli("prior-disclosure", "import", File(json.ToJsonString()));

        Assert.Equal(2, import.ExitCode);
        Assert.Contains("unknown section 'awards'", import.StandardError, StringComparison.Ordinal);
        Assert.Contains("officers item 1 (李四), field 'phone': is not a field of this section", import.StandardError, StringComparison.Ordinal);
        Assert.Empty((await Cli("prior-disclosure", "show", "--json")).Json.GetProperty("versions").EnumerateArray());
    }

    [Fact]
    public async Task Import_MalformedFile_RefusedWithItsLine()
    {
        var import = await Cli("prior-disclosure", "import", File("{\n  \"agency\": {\n  \"officers\": [\n"));

        Assert.Equal(2, import.ExitCode);
        Assert.Contains("prior-disclosure-import", import.StandardError, StringComparison.Ordinal);
        Assert.Contains("not JSON (line", import.StandardError, StringComparison.Ordinal);
        Assert.Empty((await Cli("prior-disclosure", "show", "--json")).Json.GetProperty("versions").EnumerateArray());
    }

    private static string Document(string officer) => $$"""
        {
          "agency": { "name": "鼓楼区市场监督管理局", "duties": "市场监管", "jurisdiction": "鼓楼区", "address": "中山路1号", "officeHours": "工作日" },
          "officers": [ {{officer}} ],
          "matters": [ { "name": "对销售不合格产品的处罚", "category": "penalty", "legalBasis": "《产品质量法》第四十九条", "procedure": "立案-调查-决定", "timeLimit": "90日" } ],
          "randomInspections": [],
          "guides": [],
          "channels": [ { "kind": "phone", "label": "投诉举报电话", "value": "12315" } ]
        }
        """;

    private string File(string content)
    {
        var path = Path.Combine(_ws.Root, $"{Guid.NewGuid():N}.json");
        System.IO.File.WriteAllText(path, content, Encoding.UTF8);
        return path;
    }

    private Task<CliResult> Cli(params string[] args) => CliRunner.RunAsync(_ws.Data, args);
}
