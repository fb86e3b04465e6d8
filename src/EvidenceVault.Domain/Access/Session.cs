namespace EvidenceVault.Domain.Access;

/// <summary>
/// A signed-in user's session. <see cref="Id"/> is the server's keyed digest of the bearer token: the token itself is
/// handed to the client once and never stored, so a copy of the catalog gives nobody a working token.
/// </summary>
public sealed record Session(string Id, UserName User, DateTimeOffset StartedAt, DateTimeOffset LastSeenAt, DateTimeOffset? EndedAt)
{
    /// <summary>The server's MAC over id, user and start; a row without a valid one (planted, edited, or older) does not authenticate.</summary>
    public string? Seal { get; init; }

    /// <summary>A short form for the custody log and messages: enough to tell sessions apart, useless as a credential.</summary>
    public string ShortId => Id[..12];

    /// <summary>Why the session no longer authenticates, or null while it does.</summary>
    public string? WhyDeadAt(DateTimeOffset now, SignInPolicy policy)
    {
        if (EndedAt is not null)
        {
            return "The session has ended (signed out, or the password was changed); sign in again.";
        }

        if (now >= StartedAt + policy.AbsoluteLifetime)
        {
            return $"The session is older than {policy.AbsoluteLifetime.TotalHours:0} hours; sign in again.";
        }

        return now - LastSeenAt >= policy.IdleTimeout
            ? $"The session was unused for {policy.IdleTimeout.TotalMinutes:0} minutes and has expired; sign in again."
            : null;
    }
}
