using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Access;

/// <summary>One user.</summary>
public sealed record ShowUserQuery(UserName Name) : IQuery<User>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Administrators;
}

public sealed class ShowUserHandler(IUserStore users) : IQueryHandler<ShowUserQuery, User>
{
    public async ValueTask<User> Handle(ShowUserQuery query, CancellationToken cancellationToken) => await users.RequireAsync(query.Name, cancellationToken);
}
