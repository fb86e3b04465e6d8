using EvidenceVault.Domain.Inspections;

namespace EvidenceVault.Domain.Tests.Inspections;

public sealed class InspectionResultTests
{
    [Theory]
    [InlineData("rectification", InspectionResult.Rectification)]
    [InlineData(" NoProblem ", InspectionResult.NoProblem)]
    [InlineData("发现问题已立案查处", InspectionResult.CaseOpened)]
    public void Parse_OneNameOrLabel_Read(string text, InspectionResult expected) => Assert.Equal(expected, InspectionResults.Parse(text));

    [Theory]
    [InlineData("NoProblem,CaseOpened", "one result per target")]
    [InlineData("CaseOpened, Unreachable", "one result per target")]
    [InlineData("7", "allowed: NoProblem (未发现问题)")]
    [InlineData("Fine", "'Fine' is not an inspection result")]
    public void Parse_ListNumberOrUnknown_RefusedNamingTheValueAndTheAllowedOnes(string text, string expected)
    {
        var refused = Assert.Throws<FormatException>(() => InspectionResults.Parse(text));

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
        Assert.Contains("Obstructed (不配合检查情节严重)", refused.Message, StringComparison.Ordinal);
    }
}
