using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;

namespace EvidenceVault.Application.Authentication;

/// <summary>A user's password hash and run of failed sign-ins; null hash until a password is set.</summary>
public sealed record StoredCredential(UserName User, string? PasswordHash, SignInState SignIn)
{
    /// <summary>The server's MAC over user and hash (<see cref="CredentialBinding"/>): a hash without a valid one never signs in.</summary>
    public string? PasswordSeal { get; init; }

    public DateTimeOffset? PasswordSetAt { get; init; }
}

/// <summary>Passwords, lockout counters and sessions; every change that matters carries its custody entries.</summary>
public interface ICredentialStore
{
    /// <summary>The user's credential, or null when nothing was ever recorded for the user.</summary>
    Task<StoredCredential?> FindAsync(UserName user, CancellationToken cancellationToken);

    /// <summary>Every user's credential row, for the audit.</summary>
    Task<IReadOnlyList<StoredCredential>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Stores the hash with its seal, clears any lockout and ends the user's open sessions, in one transaction.</summary>
    Task SetPasswordAsync(UserName user, string passwordHash, string seal, DateTimeOffset at, CustodyEntry custody, CancellationToken cancellationToken);

    /// <summary>
    /// Applies one failed sign-in: reads the current state, writes the state <paramref name="apply"/> returns and
    /// its custody entries, in one transaction, so concurrent failures are all counted.
    /// </summary>
    Task<SignInState> RecordFailureAsync(UserName user, Func<SignInState, (SignInState Next, IReadOnlyList<CustodyEntry> Custody)> apply, CancellationToken cancellationToken);

    /// <summary>Starts a session (with its <see cref="Session.Seal"/>) and clears the user's failed sign-ins, in one transaction.</summary>
    Task StartSessionAsync(Session session, CustodyEntry custody, CancellationToken cancellationToken);

    Task<Session?> FindSessionAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every session, ended ones included, for the audit.</summary>
    Task<IReadOnlyList<Session>> SessionsAsync(CancellationToken cancellationToken);

    /// <summary>Slides the idle window: the session was used at <paramref name="at"/>.</summary>
    Task TouchSessionAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);

    Task EndSessionAsync(string id, DateTimeOffset at, CustodyEntry custody, CancellationToken cancellationToken);
}
