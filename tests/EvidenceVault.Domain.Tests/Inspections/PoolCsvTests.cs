using EvidenceVault.Domain.Inspections;

namespace EvidenceVault.Domain.Tests.Inspections;

public sealed class PoolCsvTests
{
    [Fact]
    public void Targets_HeaderBomAndCrlf_RowsRead()
    {
        var targets = PoolCsv.Targets("\uFEFFcode,name,category,area\r\n91110000100000001A,甲食品有限公司,食品,东城\r\n\r\n");

        Assert.Equal([new InspectionTarget("91110000100000001A", "甲食品有限公司", "食品", "东城")], targets);
    }

    [Theory]
    [InlineData("id,name,category,area\n11010001,张三,食品\n", "Line 2")]
    [InlineData("id,name,category,area\n11010001,张三,食品,东城\n11010001,李四,食品,东城\n", "repeats id")]
    [InlineData("id,name,category,area\n", "no rows")]
    public void Inspectors_ShortRowDuplicateOrEmpty_RefusedWithLine(string text, string expected) =>
        Assert.Contains(expected, Assert.Throws<FormatException>(() => PoolCsv.Inspectors(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void Inspectors_UnitColumn_ReadWithTheirUnits()
    {
        var inspectors = PoolCsv.Inspectors("id,name,unit,category,area\n33020012341,张建国,市场监管一所,食品经营,鼓楼区\n");

        Assert.Equal([new Inspector("33020012341", "张建国", "食品经营", "鼓楼区", "市场监管一所")], inspectors);
        Assert.True(PoolCsv.HasUnit("id,name,单位,category,area\n"));
    }

    [Fact]
    public void Inspectors_VersionFromBeforeTheUnitColumn_StillReadWithoutUnits() =>
        Assert.Null(Assert.Single(PoolCsv.Inspectors("id,name,category,area\n33020012341,张建国,食品经营,鼓楼区\n")).Unit);

    [Fact]
    public void Inspectors_UnitHeaderButFourFields_RefusedWithTheHeader() =>
        Assert.Contains(
            "5 non-empty fields (id,name,unit,category,area)",
            Assert.Throws<FormatException>(() => PoolCsv.Inspectors("id,name,unit,category,area\n33020012341,张建国,食品经营,鼓楼区\n")).Message,
            StringComparison.Ordinal);
}
