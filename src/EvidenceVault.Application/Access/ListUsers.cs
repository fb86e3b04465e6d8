using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Access;

/// <summary>Every user, disabled ones included.</summary>
public sealed record ListUsersQuery : IQuery<IReadOnlyList<User>>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Administrators;
}

public sealed class ListUsersHandler(IUserStore users) : IQueryHandler<ListUsersQuery, IReadOnlyList<User>>
{
    public async ValueTask<IReadOnlyList<User>> Handle(ListUsersQuery query, CancellationToken cancellationToken) => await users.ListAsync(cancellationToken);
}
