using EvidenceVault.Application.Authentication;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Access;

/// <summary>
/// Disable a user (ex-staff): every access ends at once, grants included, because every check loads the user
/// afresh; the user's sessions are ended and station keys revoked too, so re-enabling the account later revives
/// neither (it signs in again, and an administrator issues new keys). The user stays in the catalog so the custody
/// log keeps naming a known person.
/// </summary>
public sealed record DisableUserCommand(UserName Name, string? Reason) : ICommand<User>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Administrators;
}

public sealed class DisableUserHandler(IUserStore users, ICredentialStore credentials, IStationKeyStore keys, CustodyEntries custody) : ICommandHandler<DisableUserCommand, User>
{
    public async ValueTask<User> Handle(DisableUserCommand command, CancellationToken cancellationToken)
    {
        var user = await users.RequireAsync(command.Name, cancellationToken) with { IsActive = false };
        UserRules.EnsureAdministratorRemains(await users.ListAsync(cancellationToken), user);
        await users.SaveAsync(user, custody.Entry(user.Name.Value, new UserDisabledDetails(command.Reason)), cancellationToken);

        // The account is already refused; ending its credentials keeps them from coming back with it.
        foreach (var session in (await credentials.SessionsAsync(cancellationToken)).Where(s => s.User == user.Name && s.EndedAt is null))
        {
            var ended = custody.Entry(user.Name.Value, new SignedOutDetails(session.ShortId));
            await credentials.EndSessionAsync(session.Id, ended.At, ended, cancellationToken);
        }

        foreach (var key in (await keys.ListAsync(cancellationToken)).Where(k => k.User == user.Name && !k.IsRevoked))
        {
            var revoked = custody.Entry(key.Station.Value, new StationKeyRevokedDetails(key.Prefix, key.User.Value, $"user {user.Name} disabled"));
            await keys.RevokeAsync(key.Id, revoked.At, custody.Actor, revoked, cancellationToken);
        }

        return user;
    }
}
