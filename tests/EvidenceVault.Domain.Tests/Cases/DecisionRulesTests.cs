using EvidenceVault.Domain.Cases;

namespace EvidenceVault.Domain.Tests.Cases;

public sealed class DecisionRulesTests
{
    private static readonly CaseNumber Case = CaseNumber.Parse("市监罚〔2025〕12号");
    private static readonly DateOnly Day = new(2025, 3, 10);

    [Fact]
    public void EnsureMayDecide_MajorWithoutReview_RefusesWithClearMessage()
    {
        var ex = Assert.Throws<LegalReviewRequiredException>(() => DecisionRules.EnsureMayDecide(Case, true, Day, null));

        Assert.Contains("legal-review", ex.Message, StringComparison.Ordinal);
        Assert.Contains(Case.Value, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureMayDecide_MajorReviewedAfterDecision_Refuses() =>
        Assert.Throws<LegalReviewRequiredException>(() => DecisionRules.EnsureMayDecide(Case, true, Day, new LegalReview(Case, "王审核", "同意", Day.AddDays(1))));

    [Fact]
    public void EnsureMayDecide_MajorReviewedSameDay_Allows()
    {
        var ex = Record.Exception(() => DecisionRules.EnsureMayDecide(Case, true, Day, new LegalReview(Case, "王审核", "同意", Day)));

        Assert.Null(ex);
    }

    [Fact]
    public void EnsureMayDecide_NotMajor_NeedsNoReview() => Assert.Null(Record.Exception(() => DecisionRules.EnsureMayDecide(Case, false, Day, null)));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("a\nb")]
    public void CaseNumberParse_Invalid_Throws(string text) => Assert.Throws<FormatException>(() => CaseNumber.Parse(text));
}
