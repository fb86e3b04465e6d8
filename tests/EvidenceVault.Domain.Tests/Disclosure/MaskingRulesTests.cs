using EvidenceVault.Domain.Disclosure;

namespace EvidenceVault.Domain.Tests.Disclosure;

public sealed class MaskingRulesTests
{
    [Theory]
    [InlineData("联系电话13812345678。", "联系电话138****5678。")]
    [InlineData("电话 +86 13912345678", "电话 +86 139****5678")]
    [InlineData("电话010-62345678转123", "电话010-************")]
    [InlineData("电话(0571)8765432", "电话(0571)*******")]
    [InlineData("编号12812345678（11 位但以 12 开头，不是手机号）", "编号12812345678（11 位但以 12 开头，不是手机号）")]
    public void PhoneNumberRule_MobileAndFixed_MaskedAsPublished(string text, string expected) =>
        Assert.Equal(expected, new TextMasker([new PhoneNumberRule()]).Mask(text).Masked);

    [Theory]
    [InlineData("账号6222021200001234561。", "账号***************4561。")]
    [InlineData("卡号 6217 0000 1234 5678 907 转入", "卡号 **** **** **** ***8 907 转入")]
    [InlineData("卡号62284800123456782", "卡号*************6782")]
    public void BankCardRule_LuhnValid_LastFourDigitsKept(string text, string expected) =>
        Assert.Equal(expected, new TextMasker([new BankCardRule()]).Mask(text).Masked);

    [Theory]
    [InlineData("6222021200001234562")] // last digit off by one: fails Luhn
    [InlineData("62284800123456783")]
    public void BankCardRule_LuhnInvalid_Untouched(string number) =>
        Assert.Empty(new BankCardRule().Find(number));

    [Theory]
    [InlineData("住址：江苏省南京市鼓楼区中山路18号3单元502室。", "住址：江苏省南京市鼓楼区***。")]
    [InlineData("现住北京市朝阳区建国路88号", "现住北京市朝阳区***")]
    [InlineData("户籍地浙江省杭州市西湖区文三路90号", "户籍地浙江省杭州市西湖区***")]
    [InlineData("住所为广东省深圳市南山区科技园", "住所为广东省深圳市南山区***")]
    [InlineData("住址：云南省昆明市呈贡县吴家营街道", "住址：云南省昆明市呈贡县***")]
    public void AddressRule_LabelledAddress_KeptToDistrictLevel(string text, string expected) =>
        Assert.Equal(expected, new TextMasker([new AddressRule([], labelled: true)]).Mask(text).Masked);

    [Fact]
    public void AddressRule_KnownAddressWithoutLabel_Masked()
    {
        var rule = new AddressRule(["上海市浦东新区世纪大道100号"], labelled: false);

        Assert.Equal("当事人在上海市浦东新区***经营", new TextMasker([rule]).Mask("当事人在上海市浦东新区世纪大道100号经营").Masked);
    }

    [Fact]
    public void AddressRule_NotLabelled_LegalPersonsRegisteredAddressStays() =>
        Assert.Empty(new AddressRule([], labelled: false).Find("住所：北京市海淀区中关村大街1号"));

    [Theory]
    [InlineData("张三丰", "张某某")]
    [InlineData("李四", "李某")]
    [InlineData("欧阳娜娜", "欧阳某某")]
    [InlineData("欧阳", "欧某")] // a two-character name is never all surname
    public void PersonNameRule_Masked_KeepsSurname(string name, string expected) =>
        Assert.Equal(expected, PersonNameRule.Masked(name));

    [Fact]
    public void PersonNameRule_LongerNameFirst_NotSplit()
    {
        var masker = new TextMasker([new PersonNameRule(["张三", "张三丰"], MaskKind.OtherPerson)]);

        Assert.Equal("证人张某某与张某到场", masker.Mask("证人张三丰与张三到场").Masked);
    }

    [Fact]
    public void Masker_NaturalPersonDecision_EveryRuleAppliedAndNothingPersonalLeft()
    {
        var party = new DisclosureParty(
            PartyKind.NaturalPerson,
            "王小明",
            "320106198503122734",
            IsMinor: false,
            OtherPersons: ["李四"],
            Addresses: [],
            Redactions: ["患有糖尿病"]);
        const string facts = "王小明（身份证号码320106198503122734，电话13812345678，住址：江苏省南京市鼓楼区中山路18号）"
            + "在证人李四面前承认患有糖尿病，罚款转入账号6222021200001234561。";

        var result = party.Masker().Mask(facts);

        Assert.Equal(
            "王某某（身份证号码320106************，电话138****5678，住址：江苏省南京市鼓楼区***）在证人李某面前承认■■■■■，罚款转入账号***************4561。",
            result.Masked);
        foreach (var secret in new[] { "王小明", "李四", "198503122734", "13812345678", "中山路", "糖尿病", "6222021200001234561" })
        {
            Assert.DoesNotContain(secret, result.Masked, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Masker_LegalPerson_NameAndCreditCodePublished()
    {
        var party = new DisclosureParty(PartyKind.LegalPerson, "南京某某食品有限公司", null, false, [], [], []);

        var result = party.Masker().Mask("南京某某食品有限公司（统一社会信用代码91320106MA1K3F8A2X）住所：江苏省南京市鼓楼区中山路1号");

        Assert.Equal(result.Original, result.Masked);
    }
}
