using EvidenceVault.Domain.Access;

namespace EvidenceVault.Application.Authentication;

/// <summary>
/// The user name or password is wrong. Deliberately one message for an unknown user, a wrong password, a
/// disabled user and a user without a password, so sign-in never tells who exists; the custody log says which.
/// </summary>
public sealed class SignInFailedException(string message) : Exception(message)
{
    public const string WrongCredentials = "The user name or password is wrong.";
}

/// <summary>Too many failed sign-ins: the user is locked out until <see cref="Until"/>, even with the right password.</summary>
public sealed class AccountLockedException(UserName user, DateTimeOffset until, TimeSpan retryAfter)
    : Exception($"Too many failed sign-ins: {user} is locked until {until.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC; try again in {Math.Ceiling(retryAfter.TotalMinutes):0} minutes.")
{
    public DateTimeOffset Until { get; } = until;

    public TimeSpan RetryAfter { get; } = retryAfter;
}
