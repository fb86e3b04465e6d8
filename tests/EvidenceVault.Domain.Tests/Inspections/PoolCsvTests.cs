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
}
