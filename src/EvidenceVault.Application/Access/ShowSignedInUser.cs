using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Access;

/// <summary>Who the request acts as: the web app's header, menu and role-specific panels are drawn from this.</summary>
public sealed record ShowSignedInUserQuery : IQuery<User>;

public sealed class ShowSignedInUserHandler(AccessControl access) : IQueryHandler<ShowSignedInUserQuery, User>
{
    public async ValueTask<User> Handle(ShowSignedInUserQuery query, CancellationToken cancellationToken) =>
        await access.RequireUserAsync("the web app", cancellationToken);
}
