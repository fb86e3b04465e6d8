using EvidenceVault.Application.Access;
using EvidenceVault.Application.Authentication;
using EvidenceVault.Application.Behaviors;
using EvidenceVault.Application.Cases;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Tests.Behaviors;

public sealed class TextFieldsTests
{
    private static readonly TextLimits Limits = new();

    [Fact]
    public void Check_PartyOverFiveHundred_RefusedNamingTheField()
    {
        var command = new CreateCaseCommand(CaseNumber.Parse("C2026-001"), EnforcementType.Penalty, new string('某', 501), null, []);

        var refused = Assert.Throws<TextTooLongException>(() => TextFields.Check(command, Limits));

        Assert.Equal("party", refused.Field);
        Assert.Contains("501 characters long; at most 500", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NestedRecordField_RefusedWithItsPath()
    {
        var user = new User(UserName.Parse("zhang"), new string('张', 201), "一中队", new HashSet<Role> { Role.Officer }, false, false, OfficerId.Parse("010203"), true);

        Assert.Equal("user.displayName", Assert.Throws<TextTooLongException>(() => TextFields.Check(new AddUserCommand(user), Limits)).Field);
    }

    [Fact]
    public void Check_ReasonsTakeTwoThousandNamesTwoHundred()
    {
        TextFields.Check(new RequestReopenCommand(CaseNumber.Parse("C2026-001"), new string('x', 2_000)), Limits);

        Assert.Throws<TextTooLongException>(() => TextFields.Check(new RequestReopenCommand(CaseNumber.Parse("C2026-001"), new string('x', 2_001)), Limits));
        Assert.Equal(200, TextFields.LimitOf("DisplayName", Limits));
        Assert.Equal(4_096, TextFields.LimitOf("OutputPath", Limits));
    }

    [Fact]
    public void Check_CredentialSecret_LeftToAuthentication() =>
        TextFields.Check(new AuthenticateCommand(CredentialKind.BearerToken, new string('t', 10_000)), Limits);
}
