namespace EvidenceVault.Application;

/// <summary>The station's time zone (settings' <c>LocalTimeZone</c>): what people read dates in, whatever the server's own zone.</summary>
public sealed record StationTimeZone(TimeZoneInfo Zone);
