using EvidenceVault.Domain.Cases;

namespace EvidenceVault.Domain.Tests.Cases;

public sealed class CaseNumberTests
{
    [Fact]
    public void Parse_ZeroWidthSpace_IsRefusedWithTheCodePoint()
    {
        var error = Assert.Throws<FormatException>(() => CaseNumber.Parse("C2026-001\u200B"));

        Assert.Equal(
            "'C2026-001\\u200B' is not a valid case number: it contains U+200B (a format character); identifiers take printable characters only.",
            error.Message);
    }

    [Fact]
    public void Parse_RightToLeftOverride_Throws() =>
        Assert.Throws<FormatException>(() => CaseNumber.Parse("C2026-\u202E100"));

    [Fact]
    public void Parse_CombiningMarkAfterChinese_EqualsPrecomposedForm() =>
        // 市监罚〔2025〕12号 with é written both ways: one case, not two.
        Assert.Equal(CaseNumber.Parse("市监罚〔2025〕12号-\u00E9"), CaseNumber.Parse("市监罚〔2025〕12号-e\u0301"));

    [Fact]
    public void Parse_Surrounded_IsTrimmed() =>
        Assert.Equal("C2026-001", CaseNumber.Parse("  C2026-001 ").Value);

    [Fact]
    public void Parse_TooLong_Throws() =>
        Assert.Throws<FormatException>(() => CaseNumber.Parse(new string('1', CaseNumber.MaxLength + 1)));
}
