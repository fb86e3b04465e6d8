namespace EvidenceVault.Domain.Access;

/// <summary>
/// How long sessions live and when repeated failures lock an account. The defaults are the numbers:
/// 5 failed sign-ins lock the user for 10 minutes; a session unused for 30 minutes is dead, and none outlives
/// 12 hours (a shift), however busy.
/// </summary>
public sealed record SignInPolicy(TimeSpan IdleTimeout, TimeSpan AbsoluteLifetime, int MaxFailedSignIns, TimeSpan LockoutDuration)
{
    public static readonly SignInPolicy Default = new(TimeSpan.FromMinutes(30), TimeSpan.FromHours(12), 5, TimeSpan.FromMinutes(10));
}

/// <summary>A user's run of failed sign-ins and the lock it may have earned.</summary>
public sealed record SignInState(int FailedAttempts, DateTimeOffset? LockedUntil)
{
    public static readonly SignInState Clear = new(0, null);

    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && now < until;

    /// <summary>
    /// One more failure; the one that reaches the limit locks the account and starts the count afresh, so the
    /// user gets the full number of attempts again once the lock ends.
    /// </summary>
    public SignInState AfterFailure(DateTimeOffset now, SignInPolicy policy)
    {
        var failures = (LockedUntil is { } until && now >= until ? 0 : FailedAttempts) + 1;
        return failures >= policy.MaxFailedSignIns ? new SignInState(0, now + policy.LockoutDuration) : new SignInState(failures, null);
    }
}
