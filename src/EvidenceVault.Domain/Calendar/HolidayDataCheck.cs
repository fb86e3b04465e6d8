using System.Globalization;
using System.Text.Json;

namespace EvidenceVault.Domain.Calendar;

/// <summary>
/// Checks holiday data (<c>{"years":{"2027":{"holidays":[...],"workdays":[...]}}}</c>) completely before any of it is used, and
/// names the year and date of every problem: a wrong official year silently moves every statutory deadline counted over it.
/// </summary>
public static class HolidayDataCheck
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    /// <summary>Every problem of <paramref name="json"/>; empty when it can be loaded.</summary>
    public static IReadOnlyList<string> Problems(Stream json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            return [$"The data is not JSON: {ex.Message}"];
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("years", out var years) || years.ValueKind != JsonValueKind.Object)
            {
                return ["The data has no \"years\" object."];
            }

            var problems = new List<string>();
            foreach (var year in years.EnumerateObject())
            {
                if (!int.TryParse(year.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < FirstYear or > LastYear)
                {
                    problems.Add($"Year '{year.Name}' is not a year from {FirstYear} to {LastYear}.");
                    continue;
                }

                var holidays = Dates(year.Value, "holidays", number, problems);
                var workdays = Dates(year.Value, "workdays", number, problems);
                problems.AddRange(holidays.Intersect(workdays).Order().Select(d => $"Year {number}: {Day(d)} is listed both as a holiday and as a working day."));
                problems.AddRange(workdays.Where(d => d.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday).Order()
                    .Select(d => $"Year {number}: working day {Day(d)} is a {d.DayOfWeek}; only a weekend day can be a make-up working day (调休)."));
            }

            return problems;
        }
    }

    private static HashSet<DateOnly> Dates(JsonElement year, string property, int number, List<string> problems)
    {
        var dates = new HashSet<DateOnly>();
        if (year.ValueKind != JsonValueKind.Object || !year.TryGetProperty(property, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"Year {number} has no \"{property}\" list.");
            return dates;
        }

        foreach (var item in list.EnumerateArray())
        {
            var text = item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText();
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                problems.Add($"Year {number}: {property} entry '{text}' is not a date (yyyy-MM-dd).");
            }
            else if (day.Year != number)
            {
                problems.Add($"Year {number}: {property} entry {text} is outside that year.");
            }
            else if (!dates.Add(day))
            {
                problems.Add($"Year {number}: {property} lists {text} twice.");
            }
        }

        return dates;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
