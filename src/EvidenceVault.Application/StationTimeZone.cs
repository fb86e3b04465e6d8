namespace EvidenceVault.Application;

/// <summary>The station's time zone (settings' <c>LocalTimeZone</c>): what people read dates in, whatever the server's own zone.</summary>
public sealed record StationTimeZone(TimeZoneInfo Zone)
{
    /// <summary>The calendar day a moment falls on at the station: what statutory day counts start from.</summary>
    public DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Zone).DateTime);
}
