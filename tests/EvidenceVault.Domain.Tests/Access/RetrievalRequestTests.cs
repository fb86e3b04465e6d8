using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Domain.Tests.Access;

public sealed class RetrievalRequestTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly RecordingId Recording = RecordingId.Parse("0123456789abcdef0123");

    [Fact]
    public void OfDays_BothDaysIncludedInTheZone()
    {
        var period = RetrievalPeriod.OfDays(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 3), Shanghai);

        Assert.Equal(new DateTimeOffset(2025, 2, 28, 16, 0, 0, TimeSpan.Zero), period.From);
        Assert.Equal(new DateTimeOffset(2025, 3, 3, 16, 0, 0, TimeSpan.Zero), period.Until);
    }

    [Fact]
    public void OfDays_UntilBeforeFrom_Throws() =>
        Assert.Throws<FormatException>(() => RetrievalPeriod.OfDays(new DateOnly(2025, 3, 2), new DateOnly(2025, 3, 1), Shanghai));

    [Fact]
    public void EnsureBounded_NinetyDaysFromToday_Accepted()
    {
        var period = RetrievalPeriod.OfDays(new DateOnly(2025, 3, 1), new DateOnly(2025, 5, 29), Shanghai);

        Assert.Same(period, period.EnsureBounded(period.From.AddDays(1), 90));
    }

    [Fact]
    public void EnsureBounded_LongerThanTheLimit_RefusedNamingBothLengths()
    {
        var period = RetrievalPeriod.OfDays(new DateOnly(2025, 3, 1), new DateOnly(2026, 2, 28), Shanghai);

        var refused = Assert.Throws<FormatException>(() => period.EnsureBounded(period.From, 90));

        Assert.Contains("365 days", refused.Message, StringComparison.Ordinal);
        Assert.Contains("at most 90 days", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureBounded_WhollyInThePast_Refused()
    {
        var period = RetrievalPeriod.OfDays(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 3), Shanghai);

        Assert.Contains("before now", Assert.Throws<FormatException>(() => period.EnsureBounded(period.Until, 90)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsActiveAt_ApprovedInsidePeriod_TrueAndFalseAtTheEnd()
    {
        var grant = Grant(RetrievalStatus.Approved);

        Assert.True(grant.IsActiveAt(grant.Period.From));
        Assert.True(grant.IsActiveAt(grant.Period.Until.AddTicks(-1)));
        Assert.False(grant.IsActiveAt(grant.Period.Until));
        Assert.Contains("expired", grant.WhyInactive(grant.Period.Until), StringComparison.Ordinal);
        Assert.Contains("starts", grant.WhyInactive(grant.Period.From.AddSeconds(-1)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RetrievalStatus.Pending, "waiting")]
    [InlineData(RetrievalStatus.Rejected, "rejected")]
    [InlineData(RetrievalStatus.Revoked, "revoked")]
    public void IsActiveAt_NotApproved_FalseWithReason(RetrievalStatus status, string reason)
    {
        var grant = Grant(status);

        Assert.False(grant.IsActiveAt(grant.Period.From));
        Assert.Contains(reason, grant.WhyInactive(grant.Period.From), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("R-12", 12)]
    [InlineData("12", 12)]
    [InlineData("r-3", 3)]
    public void RetrievalIdParse_AcceptsBothForms(string text, long value) => Assert.Equal(value, RetrievalId.Parse(text).Value);

    [Theory]
    [InlineData("R-0")]
    [InlineData("R-")]
    [InlineData("grant")]
    public void RetrievalIdParse_Invalid_Throws(string text) => Assert.Throws<FormatException>(() => RetrievalId.Parse(text));

    private static RetrievalRequest Grant(RetrievalStatus status) => new(
        new RetrievalId(1),
        UserName.Parse("wang"),
        null,
        [Recording],
        "spot check",
        RetrievalPeriod.OfDays(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 1), Shanghai),
        null,
        new ApprovalTier(TierKind.OtherDepartment, "二中队"),
        status,
        new DateTimeOffset(2025, 2, 28, 0, 0, 0, TimeSpan.Zero),
        null,
        null);
}
