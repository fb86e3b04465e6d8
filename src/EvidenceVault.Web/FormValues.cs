using System.Globalization;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Web;

/// <summary>How the pages read and prefill form fields: officer lists, optional text, dates and station wall-clock times.</summary>
public static class FormValues
{
    private const string LocalMinutes = "yyyy-MM-ddTHH:mm";

    /// <summary>Officer numbers separated by commas (also the full-width one) or spaces.</summary>
    public static List<OfficerId> Officers(string? text) =>
        [.. (text ?? "").Split([',', ' ', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(OfficerId.Parse)];

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static DateOnly Day(string? text) => DateOnly.ParseExact(text ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Midnight at the start of a day on the station's clock, not the server's.</summary>
    public static DateTimeOffset DayStart(DateOnly day, TimeZoneInfo zone)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }

    /// <summary>A datetime-local field is the station's wall clock: it becomes a moment with the station's offset then.</summary>
    public static DateTimeOffset LocalTime(string? text, TimeZoneInfo zone)
    {
        var local = DateTime.ParseExact(text ?? "", [LocalMinutes, LocalMinutes + ":ss"], CultureInfo.InvariantCulture, DateTimeStyles.None);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The value a datetime-local field shows for a moment: the station's wall clock, to the minute.</summary>
    public static string LocalField(DateTimeOffset moment, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(moment, zone).ToString(LocalMinutes, CultureInfo.InvariantCulture);
}
