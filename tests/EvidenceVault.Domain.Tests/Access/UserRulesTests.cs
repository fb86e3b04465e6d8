using EvidenceVault.Domain.Access;

namespace EvidenceVault.Domain.Tests.Access;

public sealed class UserRulesTests
{
    [Fact]
    public void EnsureAdministratorRemains_FirstUserNotAdministrator_Refused()
    {
        var ex = Assert.Throws<AccessRuleException>(() => UserRules.EnsureAdministratorRemains([], RetrievalTiersTests.Officer("zhang", "一中队", null)));

        Assert.Contains("first user must be an administrator", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureAdministratorRemains_DisablingTheLastAdministrator_Refused()
    {
        var admin = Admin("admin");

        Assert.Throws<AccessRuleException>(() => UserRules.EnsureAdministratorRemains([admin], admin with { IsActive = false }));
    }

    [Fact]
    public void EnsureAdministratorRemains_AnotherAdministratorLeft_Allowed()
    {
        var admin = Admin("admin");

        Assert.Null(Record.Exception(() => UserRules.EnsureAdministratorRemains([admin, Admin("second")], admin with { IsActive = false })));
    }

    [Fact]
    public void EnsureValid_DepartmentHeadWithoutDepartment_Refused() =>
        Assert.Throws<FormatException>(() => (RetrievalTiersTests.Officer("li", null, null) with { IsDepartmentHead = true }).EnsureValid());

    private static User Admin(string name) => RetrievalTiersTests.Officer(name, null, null) with { Roles = new HashSet<Role> { Role.Administrator } };
}
