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

/// <summary>
/// Checks the password with the lockout of <see cref="SignInPolicy"/>: per name and client address (this node's
/// <see cref="SignInThrottle"/>), and account-wide (the catalog's count for real users, the throttle's for unknown
/// names), with the same answers for known and unknown names. Failures are logged once per name per window.
/// </summary>
public sealed class SignInHandler(IUserStore users, ICredentialStore credentials, IPasswordHasher hasher, CredentialBinding binding, SignInSettings settings, SignInThrottle throttle, CustodyEntries custody, ICustodyLog log)
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
        var address = command.ClientAddress ?? "unknown";
        var user = name is { } n ? await users.FindAsync(n, cancellationToken) : null;
        var stored = user is null ? null : await credentials.FindAsync(user.Name, cancellationToken);
        var account = stored?.SignIn is { } state && state.IsLockedAt(now) ? state.LockedUntil : null;
        if (name is { } locked && (throttle.LockedUntil(locked.Value, address, user is null, now) ?? account) is { } until)
        {
            throw new AccountLockedException(locked, until, until - now);
        }

        // A hash the server did not seal for this user (planted, copied from another user, or older than the seals) never
        // matches; the KDF still runs first, so the answer takes as long either way.
        var verified = hasher.Verify(command.Password, stored?.PasswordHash ?? _decoy.Value);
        var isSealed = stored?.PasswordHash is { } hash && CredentialBinding.Holds(stored.PasswordSeal, binding.Seal(stored.User, hash));
        if (user is null || !verified || !isSealed || !user.IsActive)
        {
            var reason = user is null ? "unknown-user" : !user.IsActive ? "disabled" : stored?.PasswordHash is null ? "no-password" : !isSealed ? "unsealed-password" : "wrong-password";
            throw await FailAsync(name, user, reason, command, address, now, cancellationToken);
        }

        throttle.Succeed(user.Name.Value, address);
        var token = Secrets.NewToken();
        var session = new Session(binding.Digest(token), user.Name, now, now, null);
        var entry = custody.Entry(user.Name.Value, new SignedInDetails(session.ShortId, command.ClientAddress)) with { Actor = user.Name.Value };
        await credentials.StartSessionAsync(session with { Seal = binding.Seal(session) }, entry, cancellationToken);
        return new SignedIn(token, user.Name, settings.Policy.IdleTimeout, now + settings.Policy.AbsoluteLifetime, settings.Notice);
    }

    /// <summary>Counts the failure (locking at a limit) with its custody entries; returns the exception to throw.</summary>
    private async Task<Exception> FailAsync(UserName? name, User? user, string reason, SignInCommand command, string address, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (name is not { } known)
        {
            // Not even a user name: nothing to lock, and one entry per such attempt is still capped by the rate limiter.
            await log.AppendAsync(Failure("(not a user name)", reason, command, 1), cancellationToken);
            return new SignInFailedException(SignInFailedException.WrongCredentials);
        }

        var subject = known.Value;
        var lockedUntil = throttle.Fail(subject, address, user is null, now);
        if (user is not null)
        {
            var after = await credentials.RecordFailureAsync(user.Name, current => (current.AfterFailure(now, settings.Policy), []), cancellationToken);
            lockedUntil = SignInThrottle.Later(lockedUntil, after.IsLockedAt(now) ? after.LockedUntil : null);
        }

        var entries = new List<CustodyEntry>();
        if (throttle.FailureToLog(subject, now) is { } count)
        {
            entries.Add(Failure(subject, reason, command, count));
        }

        if (lockedUntil is { } until)
        {
            entries.Add(custody.Entry(subject, new LockedOutDetails(until, throttle.TakePending(subject))));
        }

        foreach (var entry in entries)
        {
            await log.AppendAsync(entry, cancellationToken);
        }

        return lockedUntil is { } end ? new AccountLockedException(known, end, end - now) : new SignInFailedException(SignInFailedException.WrongCredentials);
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
