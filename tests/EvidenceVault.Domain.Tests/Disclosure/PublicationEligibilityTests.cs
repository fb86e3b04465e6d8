using EvidenceVault.Domain.Disclosure;

namespace EvidenceVault.Domain.Tests.Disclosure;

public sealed class PublicationEligibilityTests
{
    private static readonly DateOnly Decided = new(2025, 6, 1);

    [Fact]
    public void Check_AdultNaturalPerson_MayBePublished() =>
        Assert.Null(PublicationEligibility.Check(Person("320106198503122734"), Confidentiality.None, Decided));

    [Fact]
    public void Check_MinorByIdNumber_Refused() =>
        Assert.Equal(PublicationEligibility.MinorCode, PublicationEligibility.Check(Person("310115201010151237"), Confidentiality.None, Decided)?.Code);

    [Fact]
    public void Check_EighteenthBirthdayOnDecisionDay_MayBePublished() =>
        Assert.Null(PublicationEligibility.Check(Person("310115200706011238"), Confidentiality.None, new DateOnly(2025, 6, 1)));

    [Fact]
    public void Check_DeclaredMinorWithoutId_Refused() =>
        Assert.Equal(PublicationEligibility.MinorCode, PublicationEligibility.Check(Person(null) with { IsMinor = true }, Confidentiality.None, Decided)?.Code);

    [Theory]
    [InlineData(Confidentiality.Secret, PublicationEligibility.SecretCode)]
    [InlineData(Confidentiality.Private, PublicationEligibility.PrivateCode)]
    public void Check_MarkedCase_Refused(Confidentiality mark, string code) =>
        Assert.Equal(code, PublicationEligibility.Check(new DisclosureParty(PartyKind.LegalPerson, "某公司", null, false, [], [], []), mark, Decided)?.Code);

    private static DisclosureParty Person(string? id) => new(PartyKind.NaturalPerson, "王小明", id, false, [], [], []);
}
