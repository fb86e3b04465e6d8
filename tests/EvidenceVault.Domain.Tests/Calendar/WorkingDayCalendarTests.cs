using System.Text;
using EvidenceVault.Domain.Calendar;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Requests;

namespace EvidenceVault.Domain.Tests.Calendar;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.LoadBuiltIn();

    [Theory]
    [InlineData("2025-01-26", true)]  // Sunday make-up day before Spring Festival
    [InlineData("2025-01-28", false)] // Spring Festival eve holiday (Tuesday)
    [InlineData("2025-02-04", false)]
    [InlineData("2025-02-05", true)]
    [InlineData("2025-02-08", true)]  // Saturday make-up day
    [InlineData("2025-09-28", true)]  // Sunday make-up before National Day
    [InlineData("2025-10-08", false)] // National Day + Mid-Autumn, Wednesday off
    [InlineData("2025-10-11", true)]  // Saturday make-up
    [InlineData("2025-10-12", false)] // ordinary Sunday
    [InlineData("2026-02-14", true)]  // Saturday make-up before the 2026 Spring Festival
    [InlineData("2026-02-23", false)] // Monday, last day of the 2026 Spring Festival
    [InlineData("2026-02-28", true)]
    [InlineData("2026-09-20", true)]
    [InlineData("2026-10-07", false)]
    [InlineData("2026-01-04", true)]  // Sunday after New Year
    public void IsWorkingDay_OfficialArrangements_FollowHolidaysAndMakeUpDays(string day, bool expected) =>
        Assert.Equal(expected, Calendar.IsWorkingDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void AddWorkingDays_PenaltyDecidedFridayBeforeSpringFestival_SkipsTheHolidayAndCountsMakeUpSaturday()
    {
        // Friday 2025-01-24: Sun 26 (make-up), Mon 27, then Feb 5, 6, 7, Sat 8 (make-up), Mon 10.
        var due = new DisclosureRules(Calendar).PublicationDue(EnforcementType.Penalty, new DateOnly(2025, 1, 24));

        Assert.Equal(new DateOnly(2025, 2, 10), due.Due);
        Assert.Contains("7 working days", due.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void PublicationDue_InspectionDecision_TwentyWorkingDaysAcrossNationalDay()
    {
        var due = new DisclosureRules(Calendar).PublicationDue(EnforcementType.Inspection, new DateOnly(2025, 9, 26));

        // Sep 28 (make-up Sun), 29, 30 = 3; Oct 9, 10, 11 (make-up Sat) = 6; 13..17 = 11; 20..24 = 16; 27..30 = 20.
        Assert.Equal(new DateOnly(2025, 10, 30), due.Due);
    }

    [Fact]
    public void AddWorkingDays_AcrossYearBoundary_UsesBothYears() =>
        Assert.Equal(new DateOnly(2026, 1, 5), Calendar.AddWorkingDays(new DateOnly(2025, 12, 31), 2)); // Jan 1-3 off, Sun Jan 4 make-up

    [Fact]
    public void AddWorkingDays_Zero_IsTheStartDay() => Assert.Equal(new DateOnly(2025, 3, 3), Calendar.AddWorkingDays(new DateOnly(2025, 3, 3), 0));

    [Theory]
    [InlineData("2027-03-01", true)]  // Monday
    [InlineData("2027-03-06", false)] // Saturday
    [InlineData("2027-02-10", true)]  // likely Spring Festival, but unknown until the State Council publishes 2027
    public void IsWorkingDay_YearWithoutData_CountsMondayToFriday(string day, bool expected) =>
        Assert.Equal(expected, Calendar.IsWorkingDay(D(day)));

    [Fact]
    public void Deadline_ReachingAYearWithoutData_IsProvisional()
    {
        // Received 2026-12-08 (Tuesday): 17 working days to 31 Dec, then Fri 1, Mon 4, Tue 5 Jan 2027 on Monday-Friday alone.
        var due = new ReplyRules(Calendar).ReplyDue(new DateOnly(2026, 12, 8), extended: false);

        Assert.Equal(new DateOnly(2027, 1, 5), due.Due);
        Assert.True(due.Provisional);
    }

    [Fact]
    public void Deadline_WithinOfficialYears_IsNotProvisional() =>
        Assert.False(new ReplyRules(Calendar).ReplyDue(new DateOnly(2026, 3, 2), extended: false).Provisional);

    [Fact]
    public void Deadline_OfficialYearLoaded_IsNoLongerProvisional()
    {
        var extended = Calendar.With(new MemoryStream(Encoding.UTF8.GetBytes("""{"years":{"2027":{"holidays":["2027-01-01"],"workdays":[]}}}""")));

        var due = new ReplyRules(extended).ReplyDue(new DateOnly(2026, 12, 8), extended: false);

        Assert.Equal(new DateOnly(2027, 1, 6), due.Due); // 1 January is a holiday once the year is known
        Assert.False(due.Provisional);
    }

    [Fact]
    public void With_ExtraYear_AddsIt()
    {
        var extended = Calendar.With(new MemoryStream(Encoding.UTF8.GetBytes("""{"years":{"2027":{"holidays":["2027-01-01"],"workdays":[]}}}""")));

        Assert.False(extended.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.True(extended.IsWorkingDay(new DateOnly(2027, 1, 4)));
        Assert.False(extended.IsWorkingDay(new DateOnly(2025, 1, 28)));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"years":{"2027":{"holidays":["2028-01-01"],"workdays":[]}}}""")]
    [InlineData("""{"years":{"2027":{"holidays":["01/01/2027"],"workdays":[]}}}""")]
    public void Load_Malformed_ThrowsClearError(string json) =>
        Assert.Contains("malformed", Assert.Throws<FormatException>(() => WorkingDayCalendar.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)))).Message, StringComparison.Ordinal);

    [Fact]
    public void TakedownDue_Revoked_ThreeCalendarDays() =>
        Assert.Equal(new DateOnly(2025, 10, 4), DisclosureRules.TakedownDue(new DateOnly(2025, 10, 1)).Due);

    [Theory]
    [InlineData("2025-03-10", null, "2025-03-09", 0)]
    [InlineData("2025-03-10", null, "2025-03-12", 2)]
    [InlineData("2025-03-10", "2025-03-11", "2025-04-01", 1)]
    [InlineData("2025-03-10", "2025-03-01", "2025-04-01", 0)]
    public void DaysLate_Cases(string due, string? done, string today, int expected) =>
        Assert.Equal(expected, DisclosureRules.DaysLate(D(due), done is null ? null : D(done), D(today)));

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
