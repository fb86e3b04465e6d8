using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Access;

/// <summary>Add a user; the first user of a catalog must be an administrator, and turns access control on.</summary>
public sealed record AddUserCommand(User User) : ICommand<User>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Administrators;
}

public sealed class AddUserHandler(IUserStore users, CustodyEntries custody) : ICommandHandler<AddUserCommand, User>
{
    public async ValueTask<User> Handle(AddUserCommand command, CancellationToken cancellationToken)
    {
        var user = command.User;
        user.EnsureValid();
        if (await users.FindAsync(user.Name, cancellationToken) is not null)
        {
            throw new AccessRuleException($"User {user.Name} already exists; change it with `users update`.");
        }

        UserRules.EnsureAdministratorRemains(await users.ListAsync(cancellationToken), user);
        await users.SaveAsync(user, custody.Entry(user.Name.Value, UserSavedDetails.Of(user)), cancellationToken);
        return user;
    }
}
