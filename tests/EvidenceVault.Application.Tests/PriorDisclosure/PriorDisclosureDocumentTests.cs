using System.Text.Json.Nodes;
using EvidenceVault.Application.PriorDisclosure;
using EvidenceVault.Domain.PriorDisclosure;

namespace EvidenceVault.Application.Tests.PriorDisclosure;

public sealed class PriorDisclosureDocumentTests
{
    [Fact]
    public void WriteRead_SampleSet_SameSetAndNoChanges()
    {
        var set = Sample();

        var read = PriorDisclosureDocument.Read(PriorDisclosureDocument.Write(set));

        Assert.Equal(["申请", "受理", "审查", "决定"], read.Guides[0].FlowChart);
        Assert.Empty(PriorDisclosureChanges.Between(set, read));
    }

    [Fact]
    public void Read_GuideWithoutFlowChart_NoSteps()
    {
        var document = Document();
        document[PriorDisclosureDocument.Guides]![0]!.AsObject().Remove("flowChart");

        var read = PriorDisclosureDocument.Read(document.ToJsonString());

        Assert.Empty(read.Guides[0].FlowChart);
    }

    [Fact]
    public void Read_FlowChartChangedOrder_ListedAsAChangedGuide()
    {
        var set = Sample();
        var document = Document();
        document[PriorDisclosureDocument.Guides]![0]!["flowChart"] = new JsonArray("受理", "申请", "审查", "决定");

        var changes = PriorDisclosureChanges.Between(set, PriorDisclosureDocument.Read(document.ToJsonString()));

        Assert.Equal(["服务指南: 修改 行政许可办理指南"], changes);
    }

    [Theory]
    [InlineData("matters", "category", "fine", "matters item 1 (对销售不合格产品的处罚), field 'category': 'fine' is not one of")]
    [InlineData("channels", "value", "", "channels item 1 (投诉举报电话), field 'value': must be a non-empty text")]
    [InlineData("agency", "name", " ", "agency (市场监管领域行政执法), field 'name': must be a non-empty text")]
    public void Read_BadField_ProblemNamesSectionItemAndField(string section, string field, string value, string problem)
    {
        var document = Document();
        var item = section == PriorDisclosureDocument.Agency ? document[section]! : document[section]![0]!;
        item[field] = value;

        var refused = Assert.Throws<PriorDisclosureImportException>(() => PriorDisclosureDocument.Read(document.ToJsonString()));

        Assert.Contains(refused.Problems, p => p.StartsWith(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_MissingSectionAndNonObjectItem_BothNamed()
    {
        var document = Document();
        document.Remove(PriorDisclosureDocument.RandomInspections);
        document[PriorDisclosureDocument.Officers]!.AsArray().Add("张三");

        var refused = Assert.Throws<PriorDisclosureImportException>(() => PriorDisclosureDocument.Read(document.ToJsonString()));

        Assert.Equal(["officers item 2: must be an object with named fields", "section 'randomInspections' is missing"], refused.Problems.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WithItem_AddReplaceRemove_OnlyThatItemChanges()
    {
        var set = Sample();
        var officer = new JsonObject { ["name"] = "李四", ["certificate"] = "33020054321", ["category"] = "市场监管", ["area"] = "海曙区", ["status"] = "withdrawn" };

        var added = PriorDisclosureDocument.WithItem(set, PriorDisclosureDocument.Officers, null, officer);
        var replaced = PriorDisclosureDocument.WithItem(added, PriorDisclosureDocument.Officers, 0, officer.DeepClone().AsObject());
        var removed = PriorDisclosureDocument.WithItem(added, PriorDisclosureDocument.Officers, 0, null);

        Assert.Equal(["张建国", "李四"], added.Officers.Select(o => o.Name));
        Assert.Equal(OfficerStatus.Withdrawn, added.Officers[1].Status);
        Assert.Equal(["李四", "李四"], replaced.Officers.Select(o => o.Name));
        Assert.Equal(["李四"], removed.Officers.Select(o => o.Name));
        Assert.Equal(set.Matters, removed.Matters);
    }

    [Fact]
    public void WithItem_IndexOutOfRangeOrUnknownSection_Refused()
    {
        var set = Sample();

        Assert.Throws<PriorDisclosureImportException>(() => PriorDisclosureDocument.WithItem(set, PriorDisclosureDocument.Officers, 5, null));
        Assert.Throws<PriorDisclosureImportException>(() => PriorDisclosureDocument.WithItem(set, "awards", null, []));
        Assert.Throws<PriorDisclosureImportException>(() => PriorDisclosureDocument.WithItem(set, PriorDisclosureDocument.Agency, null, null));
    }

    // A set with one item in every section (this project stays free of the storage the shared samples bring).
    private static PriorDisclosureSet Sample() => new(
        new EnforcementAgency("宁波市鼓楼区市场监督管理局", "市场监管领域行政执法", "鼓楼区", "中山路1号", "工作日"),
        [new EnforcementOfficerEntry("张建国", EnforcementCertificateNumber.Parse("33020012345"), "市场监管", "鼓楼区", OfficerStatus.Active)],
        [new EnforcementMatter("对销售不合格产品的处罚", MatterCategory.Penalty, "《产品质量法》第四十九条", "立案-调查-决定", "90日")],
        [new RandomInspectionItem("食品经营者监督检查", "《食品安全法》第一百一十条", "辖区食品经营者", "每年一次")],
        [new ServiceGuide("行政许可办理指南", "现场或网上申请", ["申请", "受理", "审查", "决定"])],
        [new SupervisionChannel(ChannelKind.Phone, "投诉举报电话", "12315")]);

    private static JsonObject Document() => JsonNode.Parse(PriorDisclosureDocument.Write(Sample()))!.AsObject();
}
