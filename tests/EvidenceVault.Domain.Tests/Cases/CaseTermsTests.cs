using EvidenceVault.Domain.Cases;

namespace EvidenceVault.Domain.Tests.Cases;

public sealed class CaseTermsTests
{
    [Theory]
    [InlineData("调查取证", ProcedureStage.Investigation)]
    [InlineData("service", ProcedureStage.Service)]
    [InlineData("Filing", ProcedureStage.Filing)]
    public void ParseStage_EnglishOrChinese_Reads(string text, ProcedureStage expected) => Assert.Equal(expected, CaseTerms.ParseStage(text));

    [Theory]
    [InlineData("3")]
    [InlineData("hearing")]
    public void ParseStage_Unknown_ThrowsListingChoices(string text) =>
        Assert.Contains("调查取证", Assert.Throws<FormatException>(() => CaseTerms.ParseStage(text)).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("行政处罚", EnforcementType.Penalty)]
    [InlineData("licensing", EnforcementType.Licensing)]
    public void ParseType_EnglishOrChinese_Reads(string text, EnforcementType expected) => Assert.Equal(expected, CaseTerms.ParseType(text));
}
