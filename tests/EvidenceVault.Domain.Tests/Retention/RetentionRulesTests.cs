using System.Text;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Retention;

namespace EvidenceVault.Domain.Tests.Retention;

public sealed class RetentionRulesTests
{
    [Fact]
    public void LoadBuiltIn_Defaults_MatchTheMissionNumbers()
    {
        var rules = RetentionRules.LoadBuiltIn();

        Assert.Equal(TermLength.OfMonths(6), rules.Floor);
        Assert.Equal(TermLength.OfDays(7), rules.RecoveryWindow);
        Assert.Equal(TermLength.OfDays(60), rules.ReconsiderationWindow);
        Assert.Equal(TermLength.OfMonths(6), rules.LitigationWindow);
        Assert.True(rules.CaseFileTerms[EnforcementType.Penalty].IsPermanent);
    }

    [Theory]
    [InlineData("""{"floor":"6m"}""", "recoveryWindow")]
    [InlineData("not json", "not valid JSON")]
    [InlineData("""{"floor":"six months"}""", "'floor'")]
    [InlineData("""{"flor":"6m"}""", "unknown field 'flor'")]
    public void Load_BadFile_ClearError(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => RetentionRules.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingEnforcementType_NamesIt()
    {
        const string json = """
            {"floor":"6m","recoveryWindow":"7d","reconsiderationWindow":"60d","litigationWindow":"6m","recentCaseActivity":"60d",
             "caseFileTerms":{"penalty":"permanent"},"categories":{}}
            """;

        var error = Assert.Throws<FormatException>(() => RetentionRules.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Contains("Licensing", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("permanent", 0, 0, true)]
    [InlineData("永久", 0, 0, true)]
    [InlineData("30y", 360, 0, false)]
    [InlineData("6m", 6, 0, false)]
    [InlineData("90d", 0, 90, false)]
    [InlineData("0d", 0, 0, false)]
    public void TermLengthParse_Forms_Parsed(string text, int months, int days, bool permanent)
    {
        Assert.Equal(new TermLength(months, days, permanent), TermLength.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("y")]
    [InlineData("-3m")]
    [InlineData("3w")]
    public void TermLengthParse_Nonsense_FormatException(string text)
    {
        Assert.Throws<FormatException>(() => TermLength.Parse(text));
    }
}
