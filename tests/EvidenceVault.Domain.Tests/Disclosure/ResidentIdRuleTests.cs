using EvidenceVault.Domain.Disclosure;

namespace EvidenceVault.Domain.Tests.Disclosure;

public sealed class ResidentIdRuleTests
{
    private static readonly TextMasker Masker = new([new ResidentIdRule()]);

    [Theory]
    [InlineData("11010519491231002X")] // the GB 11643 example, check character X
    [InlineData("11010519491231002x")] // written with a lower-case x
    [InlineData("440524188001010014")]
    [InlineData("320106198503122734")]
    [InlineData("130503670401001")]    // legacy 15 digits, born 1967-04-01
    public void TryReadBirthDate_ValidNumbers_True(string number) =>
        Assert.True(ResidentIdRule.TryReadBirthDate(number, out _));

    [Theory]
    [InlineData("320106198503122735")] // check digit should be 4
    [InlineData("110105194912310021")] // check character should be X
    [InlineData("320106198513122738")] // month 13, whatever the check digit
    [InlineData("130503671301001")]    // legacy: month 13
    [InlineData("91310115MA1K3F8A2X")] // a unified social credit code, not an ID
    public void TryReadBirthDate_WrongCheckOrDate_False(string number) =>
        Assert.False(ResidentIdRule.TryReadBirthDate(number, out _));

    [Fact]
    public void CheckCharacter_Gb11643Example_IsX() =>
        Assert.Equal('X', ResidentIdRule.CheckCharacter("11010519491231002"));

    [Fact]
    public void Mask_ValidId_KeepsRegionCodeOnly()
    {
        var result = Masker.Mask("当事人张三（身份证号码320106198503122734）于2025年");

        Assert.Equal("当事人张三（身份证号码320106************）于2025年", result.Masked);
        Assert.Equal(MaskKind.ResidentId, Assert.Single(result.Spans).Kind);
        Assert.Empty(result.Suspects);
    }

    [Fact]
    public void Mask_WrongCheckDigit_LeftVisibleAndFlaggedForTheApprover()
    {
        var result = Masker.Mask("身份证号码320106198503122735，");

        Assert.Equal(result.Original, result.Masked);
        var suspect = Assert.Single(result.Suspects);
        Assert.Equal((5, 18), (suspect.Start, suspect.Length));
    }

    [Fact]
    public void Mask_DigitsInsideALongerNumber_Untouched()
    {
        var result = Masker.Mask("订单号 9320106198503122734 已付");

        Assert.Empty(result.Spans);
        Assert.Empty(result.Suspects);
    }
}
