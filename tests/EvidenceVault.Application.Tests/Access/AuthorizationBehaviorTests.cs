using EvidenceVault.Application.Access;
using EvidenceVault.Application.Behaviors;
using EvidenceVault.Domain.Access;

namespace EvidenceVault.Application.Tests.Access;

public sealed class AuthorizationBehaviorTests
{
    private readonly AccessFixture _f = new();

    [Fact]
    public async Task Handle_NoUsers_RunsTheUseCase() => Assert.Equal(1, await RunAsync("anyone"));

    [Fact]
    public async Task Handle_AdministratorOnRestrictedCommand_Runs() => Assert.Equal(1, await RunAsync("admin", staff: true));

    [Theory]
    [InlineData("zhang", "needs the role administrator")]
    [InlineData("stranger", "not a user")]
    public async Task Handle_WrongRoleOrUnknown_DeniedBeforeTheHandlerAndLogged(string actor, string message)
    {
        var ex = await Assert.ThrowsAsync<AccessDeniedException>(() => RunAsync(actor, staff: true));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        var denial = Assert.Single(_f.Catalog.Custody);
        Assert.Equal(actor, denial.Subject);
    }

    [Fact]
    public async Task Handle_DisabledAdministrator_Denied()
    {
        _f.WithStaff();
        var second = _f.AddUser("admin2", null, null, Role.Administrator);
        _f.Access.Users[second.Name] = second with { IsActive = false };

        await Assert.ThrowsAsync<AccessDeniedException>(() => RunAsync("admin2"));
    }

    private async Task<int> RunAsync(string actor, bool staff = false)
    {
        if (staff)
        {
            _f.WithStaff();
        }

        _f.Access.Actor = actor;
        var behavior = new AuthorizationBehavior<ListUsersQuery, IReadOnlyList<User>>(_f.Control);
        var ran = 0;
        await behavior.Handle(new ListUsersQuery(), (_, _) =>
        {
            ran++;
            return ValueTask.FromResult<IReadOnlyList<User>>([]);
        }, CancellationToken.None);
        return ran;
    }
}
