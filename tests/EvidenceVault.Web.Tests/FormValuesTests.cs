namespace EvidenceVault.Web.Tests;

public sealed class FormValuesTests
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.CreateCustomTimeZone("station", TimeSpan.FromHours(8), "station", "station");

    [Fact]
    public void LocalTime_AStationWallClockField_IsThatMomentAtTheStationsOffset()
    {
        var moment = FormValues.LocalTime("2026-12-01T09:30", Beijing);

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 1, 30, 0, TimeSpan.Zero), moment);
        Assert.Equal(TimeSpan.FromHours(8), moment.Offset);
    }

    [Fact]
    public void LocalField_AMoment_RoundTripsThroughTheField()
    {
        var moment = new DateTimeOffset(2026, 12, 1, 20, 15, 0, TimeSpan.Zero);

        var field = FormValues.LocalField(moment, Beijing);

        Assert.Equal("2026-12-02T04:15", field);
        Assert.Equal(moment, FormValues.LocalTime(field, Beijing));
    }

    [Fact]
    public void Officers_CommasFullWidthCommasAndSpaces_AllSeparate()
    {
        Assert.Equal(["111111", "222222", "333333"], FormValues.Officers("111111，222222, 333333").Select(o => o.Value));
        Assert.Empty(FormValues.Officers(null));
    }

    [Fact]
    public void LocalTime_NotADateTime_IsAFormatError()
    {
        Assert.Throws<FormatException>(() => FormValues.LocalTime("yesterday", Beijing));
    }
}
