using EvidenceVault.Domain.Calendar;

namespace EvidenceVault.Hosting;

/// <summary>The working-day calendar: the built-in State Council years, plus the years of an optional JSON file.</summary>
public static class HolidayCalendars
{
    public static WorkingDayCalendar Load(string? file)
    {
        var calendar = WorkingDayCalendar.LoadBuiltIn();
        if (file is null)
        {
            return calendar;
        }

        try
        {
            using var stream = File.OpenRead(file);
            return calendar.With(stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new ConfigurationException($"The holiday calendar file '{file}' cannot be used: {ex.Message}", ex);
        }
    }
}
