using System.Text;
using EvidenceVault.Application.Access;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Authentication;

/// <summary>How a request proves who it is.</summary>
public enum CredentialKind
{
    /// <summary>A session token from sign-in.</summary>
    BearerToken,

    /// <summary>A station's API key.</summary>
    StationKey,
}

/// <summary>
/// Who a bearer token or station key stands for, checked afresh on every request: nothing is cached, so a
/// signed-out session, a revoked key or a disabled user stops working at once. A live session's idle window
/// slides forward with each use.
/// </summary>
public sealed record AuthenticateCommand(CredentialKind Kind, string Secret) : ICommand<Authentication>
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Kind = ").Append(Kind);
        return true;
    }
}

/// <summary>The authenticated user (and station, for a key), or why the credential was refused.</summary>
public sealed record Authentication(User? User, StationName? Station, string? SessionId, string? Failure)
{
    /// <summary>The custody log's actor: the user, or the user through the station.</summary>
    public string? Actor => User is null ? null : Station is { } station ? StationKey.LedgerActor(User.Name, station) : User.Name.Value;

    public static Authentication Failed(string why) => new(null, null, null, why);
}

public sealed class AuthenticateHandler(IUserStore users, ICredentialStore credentials, IStationKeyStore keys, CredentialBinding binding, SignInSettings settings, TimeProvider time)
    : ICommandHandler<AuthenticateCommand, Authentication>
{
    /// <summary>
    /// Last-use times move at most this often, so a burst of requests (every tus PATCH authenticates) does not take
    /// the catalog's write lock each time; an idle session may end up to this much early, never late.
    /// </summary>
    private static readonly TimeSpan TouchGranularity = TimeSpan.FromSeconds(30);

    public async ValueTask<Authentication> Handle(AuthenticateCommand command, CancellationToken cancellationToken)
    {
        if (!await users.AnyAsync(cancellationToken))
        {
            return Authentication.Failed(SignInSettings.NoUsersHint);
        }

        var digest = binding.Digest(command.Secret);
        return command.Kind == CredentialKind.BearerToken
            ? await SessionAsync(digest, cancellationToken)
            : await StationAsync(digest, cancellationToken);
    }

    private async Task<Authentication> SessionAsync(string digest, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // A row the server did not seal (planted by hand, moved to another user, or from before the seals) is no session.
        if (await credentials.FindSessionAsync(digest, cancellationToken) is not { } session || !CredentialBinding.Holds(session.Seal, binding.Seal(session)))
        {
            return Authentication.Failed("The bearer token is not valid; sign in (POST /auth/sign-in) for a new one.");
        }

        if (session.WhyDeadAt(now, settings.Policy) is { } why)
        {
            return Authentication.Failed(why);
        }

        if (await ActiveUserAsync(session.User, cancellationToken) is not { } user)
        {
            return Authentication.Failed($"User {session.User} is disabled; the session no longer works.");
        }

        if (now - session.LastSeenAt >= TouchGranularity)
        {
            await credentials.TouchSessionAsync(session.Id, now, cancellationToken);
        }

        return new Authentication(user, null, session.Id, null);
    }

    private async Task<Authentication> StationAsync(string digest, CancellationToken cancellationToken)
    {
        if (await keys.FindByDigestAsync(digest, cancellationToken) is not { } key || !CredentialBinding.Holds(key.Seal, binding.Seal(key, digest)))
        {
            return Authentication.Failed("The station key is not valid.");
        }

        if (key.IsRevoked)
        {
            return Authentication.Failed($"Station key {key.Prefix} of {key.Station} was revoked; ask an administrator for a new one.");
        }

        if (await ActiveUserAsync(key.User, cancellationToken) is not { } user)
        {
            return Authentication.Failed($"Station key {key.Prefix} acts as user {key.User}, who is disabled.");
        }

        var now = time.GetUtcNow();
        if (key.LastUsedAt is not { } used || now - used >= TouchGranularity)
        {
            await keys.TouchAsync(key.Id, now, cancellationToken);
        }

        return new Authentication(user, key.Station, null, null);
    }

    private async Task<User?> ActiveUserAsync(UserName name, CancellationToken cancellationToken) =>
        await users.FindAsync(name, cancellationToken) is { IsActive: true } user ? user : null;
}
