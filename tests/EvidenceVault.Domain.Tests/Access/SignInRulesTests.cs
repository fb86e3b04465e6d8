using EvidenceVault.Domain.Access;

namespace EvidenceVault.Domain.Tests.Access;

public sealed class SignInRulesTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly UserName Zhang = UserName.Parse("zhang");

    [Theory]
    [InlineData("short-pass1")]
    [InlineData("")]
    public void PasswordPolicy_TooShort_RefusedNamingTheMinimum(string password)
    {
        var error = Assert.Throws<AccessRuleException>(() => PasswordPolicy.EnsureAcceptable(Zhang, password));

        Assert.Contains("at least 12 characters", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(password.Length > 0 ? password : "\0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PasswordPolicy_EqualToUserName_Refused()
    {
        var name = UserName.Parse("station-dock-07");

        var error = Assert.Throws<AccessRuleException>(() => PasswordPolicy.EnsureAcceptable(name, "STATION-DOCK-07"));

        Assert.Contains("must not be the user name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PasswordPolicy_TwelveChineseCharacters_Accepted() =>
        PasswordPolicy.EnsureAcceptable(Zhang, "执法记录仪每日归档保管好");

    [Fact]
    public void SignInState_FifthFailureFromOneAddress_LocksForTenMinutesAndRestartsTheCount()
    {
        var (limit, lockout) = (SignInPolicy.Default.MaxFailuresPerAddress, SignInPolicy.Default.LockoutDuration);
        var state = SignInState.Clear;
        for (var i = 0; i < 4; i++)
        {
            state = state.AfterFailure(Now, limit, lockout);
        }

        var locked = state.AfterFailure(Now, limit, lockout);

        Assert.Equal(new SignInState(4, null), state);
        Assert.True(locked.IsLockedAt(Now.AddMinutes(10).AddSeconds(-1)));
        Assert.False(locked.IsLockedAt(Now.AddMinutes(10)));
        Assert.Equal(new SignInState(1, null), locked.AfterFailure(Now.AddMinutes(11), limit, lockout));
    }

    [Fact]
    public void SignInState_AccountWide_LocksOnlyAtTheTwentiethFailure()
    {
        var state = SignInState.Clear;
        for (var i = 0; i < 19; i++)
        {
            state = state.AfterFailure(Now, SignInPolicy.Default);
        }

        Assert.False(state.IsLockedAt(Now));
        Assert.True(state.AfterFailure(Now, SignInPolicy.Default).IsLockedAt(Now));
    }

    [Fact]
    public void Session_IdleAndAbsoluteEdges()
    {
        var session = new Session(new string('a', 64), Zhang, Now, Now.AddHours(11).AddMinutes(50), null);
        var policy = SignInPolicy.Default;

        Assert.Null(session.WhyDeadAt(Now.AddHours(11).AddMinutes(59), policy));
        Assert.Contains("12 hours", session.WhyDeadAt(Now.AddHours(12), policy), StringComparison.Ordinal);
        Assert.Contains("30 minutes", (session with { LastSeenAt = Now }).WhyDeadAt(Now.AddMinutes(30), policy), StringComparison.Ordinal);
        Assert.Null((session with { LastSeenAt = Now }).WhyDeadAt(Now.AddMinutes(30).AddSeconds(-1), policy));
        Assert.Contains("ended", (session with { EndedAt = Now }).WhyDeadAt(Now, policy), StringComparison.Ordinal);
    }
}
