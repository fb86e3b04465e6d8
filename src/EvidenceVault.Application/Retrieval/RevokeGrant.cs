using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Retrieval;

/// <summary>
/// Revoke a grant (or withdraw a pending request): access under it stops at once. The holder, anyone who
/// could approve it, and administrators may revoke.
/// </summary>
public sealed record RevokeGrantCommand(RetrievalId Id, string? Reason) : ICommand<RetrievalRequest>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Everyone;
}

public sealed class RevokeGrantHandler(IRetrievalStore store, AccessControl access, CustodyEntries custody) : ICommandHandler<RevokeGrantCommand, RetrievalRequest>
{
    public async ValueTask<RetrievalRequest> Handle(RevokeGrantCommand command, CancellationToken cancellationToken)
    {
        var user = await access.RequireUserAsync("Revoking a grant", cancellationToken);
        var request = await store.RequireAsync(command.Id, cancellationToken);
        if (request.Status is not (RetrievalStatus.Approved or RetrievalStatus.Pending))
        {
            throw new AccessRuleException($"{command.Id} is {request.Status.ToString().ToLowerInvariant()}; there is nothing to revoke.");
        }

        if (!request.IsVisibleTo(user))
        {
            throw await access.DenyAsync(command.Id.ToString(), $"{command.Id} may be revoked by its holder, {request.Tier.Approver}, or an administrator; {user.Name} is none of them.", command.Id, cancellationToken);
        }

        var revoked = request with { Status = RetrievalStatus.Revoked, Revocation = new RetrievalDecision(user.Name, custody.Now, command.Reason) };
        await store.UpdateAsync(revoked, custody.Entry(command.Id.ToString(), new RetrievalRevokedDetails(user.Name.Value, command.Reason)), cancellationToken);
        return revoked;
    }
}
