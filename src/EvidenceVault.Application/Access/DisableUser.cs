using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Access;

/// <summary>
/// Disable a user (ex-staff): every access ends at once, grants included, because every check loads the user
/// afresh. The user stays in the catalog so the custody log keeps naming a known person.
/// </summary>
public sealed record DisableUserCommand(UserName Name, string? Reason) : ICommand<User>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Administrators;
}

public sealed class DisableUserHandler(IUserStore users, CustodyEntries custody) : ICommandHandler<DisableUserCommand, User>
{
    public async ValueTask<User> Handle(DisableUserCommand command, CancellationToken cancellationToken)
    {
        var user = await users.RequireAsync(command.Name, cancellationToken) with { IsActive = false };
        UserRules.EnsureAdministratorRemains(await users.ListAsync(cancellationToken), user);
        await users.SaveAsync(user, custody.Entry(user.Name.Value, new UserDisabledDetails(command.Reason)), cancellationToken);
        return user;
    }
}
