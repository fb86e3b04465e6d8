using EvidenceVault.Application.Access;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Web;

/// <summary>
/// The user a request acts as, looked up once per request: the layout (menu, idle timer) and the page both need it.
/// </summary>
public sealed class SignedInUser(IMediator mediator)
{
    private Task<User>? _user;

    public Task<User> GetAsync(CancellationToken cancellationToken) => _user ??= mediator.Send(new ShowSignedInUserQuery(), cancellationToken).AsTask();
}
