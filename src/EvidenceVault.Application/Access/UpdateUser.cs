using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;
using Mediator;

namespace EvidenceVault.Application.Access;

/// <summary>Change a user; fields left null stay as they are. <see cref="Enable"/> brings a disabled user back.</summary>
public sealed record UpdateUserCommand(
    UserName Name,
    string? DisplayName = null,
    string? Department = null,
    IReadOnlySet<Role>? Roles = null,
    bool? DepartmentHead = null,
    bool? Senior = null,
    OfficerId? Officer = null,
    bool Enable = false) : ICommand<User>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Administrators;
}

public sealed class UpdateUserHandler(IUserStore users, CustodyEntries custody) : ICommandHandler<UpdateUserCommand, User>
{
    public async ValueTask<User> Handle(UpdateUserCommand command, CancellationToken cancellationToken)
    {
        var current = await users.RequireAsync(command.Name, cancellationToken);
        var user = current with
        {
            DisplayName = command.DisplayName ?? current.DisplayName,
            Department = command.Department ?? current.Department,
            Roles = command.Roles ?? current.Roles,
            IsDepartmentHead = command.DepartmentHead ?? current.IsDepartmentHead,
            IsSenior = command.Senior ?? current.IsSenior,
            Officer = command.Officer ?? current.Officer,
            IsActive = current.IsActive || command.Enable,
        };
        user.EnsureValid();
        UserRules.EnsureAdministratorRemains(await users.ListAsync(cancellationToken), user);
        await users.SaveAsync(user, custody.Entry(user.Name.Value, UserSavedDetails.Of(user)), cancellationToken);
        return user;
    }
}
