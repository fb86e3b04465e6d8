using System.Text;
using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Authentication;

/// <summary>Sign in with a user name and password; the answer carries a bearer token, once.</summary>
public sealed record SignInCommand(string User, string Password, string? ClientAddress) : ICommand<SignedIn>
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("User = ").Append(User).Append(", ClientAddress = ").Append(ClientAddress);
        return true;
    }
}

/// <summary>A new session: the token (never stored), how long it may sit unused, its hard end, and the system-use notice.</summary>
public sealed record SignedIn(string Token, UserName User, TimeSpan IdleTimeout, DateTimeOffset ExpiresAt, string Notice)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("User = ").Append(User.Value).Append(", ExpiresAt = ").Append(ExpiresAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }
}

public sealed class SignInHandler(IUserStore users, ICredentialStore credentials, IPasswordHasher hasher, CredentialBinding binding, SignInSettings settings, CustodyEntries custody, ICustodyLog log)
    : ICommandHandler<SignInCommand, SignedIn>
{
    // An unknown user (or one without a password) is checked against a throw-away hash, so the answer takes as
    // long as a wrong password and its timing does not tell who exists.
    private readonly Lazy<string> _decoy = new(() => hasher.Hash(Secrets.NewToken()));

    public async ValueTask<SignedIn> Handle(SignInCommand command, CancellationToken cancellationToken)
    {
        if (!await users.AnyAsync(cancellationToken))
        {
            throw new SignInFailedException(SignInSettings.NoUsersHint);
        }

        var now = custody.Now;
        var name = TryParse(command.User);
        var user = name is { } n ? await users.FindAsync(n, cancellationToken) : null;
        var stored = user is null ? null : await credentials.FindAsync(user.Name, cancellationToken);
        if (user is not null && stored?.SignIn is { LockedUntil: { } until } state && state.IsLockedAt(now))
        {
            await log.AppendAsync(Failure(user.Name.Value, "locked", command, state.FailedAttempts), cancellationToken);
            throw new AccountLockedException(user.Name, until, until - now);
        }

        // A hash the server did not seal for this user (planted, copied from another user, or older than the seals) never
        // matches; the KDF still runs first, so the answer takes as long either way.
        var verified = hasher.Verify(command.Password, stored?.PasswordHash ?? _decoy.Value);
        var isSealed = stored?.PasswordHash is { } hash && CredentialBinding.Holds(stored.PasswordSeal, binding.Seal(stored.User, hash));
        var matches = verified && isSealed;
        if (user is null)
        {
            await log.AppendAsync(Failure(name?.Value ?? "(not a user name)", "unknown-user", command, 0), cancellationToken);
            throw new SignInFailedException(SignInFailedException.WrongCredentials);
        }

        if (!matches || !user.IsActive)
        {
            var reason = !user.IsActive ? "disabled" : stored?.PasswordHash is null ? "no-password" : !isSealed ? "unsealed-password" : "wrong-password";
            throw await FailAsync(user.Name, reason, command, now, cancellationToken);
        }

        var token = Secrets.NewToken();
        var session = new Session(binding.Digest(token), user.Name, now, now, null);
        var entry = custody.Entry(user.Name.Value, new SignedInDetails(session.ShortId, command.ClientAddress)) with { Actor = user.Name.Value };
        await credentials.StartSessionAsync(session with { Seal = binding.Seal(session) }, entry, cancellationToken);
        return new SignedIn(token, user.Name, settings.Policy.IdleTimeout, now + settings.Policy.AbsoluteLifetime, settings.Notice);
    }

    /// <summary>Counts the failure (and locks at the limit) with its custody entries; returns the exception to throw.</summary>
    private async Task<Exception> FailAsync(UserName user, string reason, SignInCommand command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var after = await credentials.RecordFailureAsync(
            user,
            current =>
            {
                var next = current.AfterFailure(now, settings.Policy);
                var failures = next.IsLockedAt(now) ? settings.Policy.MaxFailedSignIns : next.FailedAttempts;
                IReadOnlyList<CustodyEntry> entries = next.IsLockedAt(now)
                    ? [Failure(user.Value, reason, command, failures), custody.Entry(user.Value, new LockedOutDetails(next.LockedUntil, failures))]
                    : [Failure(user.Value, reason, command, failures)];
                return (next, entries);
            },
            cancellationToken);
        return after is { LockedUntil: { } until } && after.IsLockedAt(now)
            ? new AccountLockedException(user, until, until - now)
            : new SignInFailedException(SignInFailedException.WrongCredentials);
    }

    private CustodyEntry Failure(string subject, string reason, SignInCommand command, int failures) =>
        custody.Entry(subject, new SignInFailedDetails(reason, failures, command.ClientAddress));

    private static UserName? TryParse(string text)
    {
        try
        {
            return UserName.Parse(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
