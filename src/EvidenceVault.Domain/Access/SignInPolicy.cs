namespace EvidenceVault.Domain.Access;

/// <summary>
/// How long sessions live and when repeated failures lock. A session unused for 30 minutes is dead, and none
/// outlives 12 hours (a shift), however busy. Failures lock per user <em>and client address</em> after
/// <see cref="MaxFailuresPerAddress"/> (5, CJIS 5.5.3's consecutive attempts), so a stranger elsewhere cannot lock
/// the owner out; and account-wide after <see cref="MaxFailedSignIns"/> (20, far below NIST SP 800-63B §5.2.2's 100),
/// which caps guessing spread over many addresses. Either lock lasts <see cref="LockoutDuration"/>; unknown names
/// lock exactly like real ones, so the answers tell nobody which names exist. Failures are logged once per user per
/// <see cref="FailureLogWindow"/> with their count, not once per attempt.
/// </summary>
public sealed record SignInPolicy(TimeSpan IdleTimeout, TimeSpan AbsoluteLifetime, int MaxFailedSignIns, TimeSpan LockoutDuration, int MaxFailuresPerAddress, TimeSpan FailureLogWindow)
{
    public static readonly SignInPolicy Default = new(TimeSpan.FromMinutes(30), TimeSpan.FromHours(12), 20, TimeSpan.FromMinutes(10), 5, TimeSpan.FromMinutes(15));
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
    public SignInState AfterFailure(DateTimeOffset now, SignInPolicy policy) => AfterFailure(now, policy.MaxFailedSignIns, policy.LockoutDuration);

    /// <summary>One more failure against a limit of <paramref name="limit"/> (the per-address or the account-wide one).</summary>
    public SignInState AfterFailure(DateTimeOffset now, int limit, TimeSpan lockout)
    {
        var failures = (LockedUntil is { } until && now >= until ? 0 : FailedAttempts) + 1;
        return failures >= limit ? new SignInState(0, now + lockout) : new SignInState(failures, null);
    }
}
