using System.Globalization;
using System.Text.Json;

namespace EvidenceVault.Domain.Calendar;

/// <summary>
/// Working days under the State Council holiday arrangements: weekends are off unless they are make-up
/// working days (调休), listed holidays are off. A year the State Council has not yet published counts Monday to Friday, and a
/// deadline reaching into it is marked provisional: a clock must never stop running (a request still has to be received on
/// 8 December), but nobody may mistake the guess for the official count.
/// </summary>
public sealed class WorkingDayCalendar
{
    public const string BuiltInResourceName = "EvidenceVault.Domain.Calendar.cn-holidays.json";

    private readonly Dictionary<int, (HashSet<DateOnly> Holidays, HashSet<DateOnly> Workdays)> _years;

    private WorkingDayCalendar(Dictionary<int, (HashSet<DateOnly>, HashSet<DateOnly>)> years) => _years = years;

    public IReadOnlyCollection<int> Years => _years.Keys;

    public static WorkingDayCalendar LoadBuiltIn()
    {
        using var stream = typeof(WorkingDayCalendar).Assembly.GetManifestResourceStream(BuiltInResourceName)
            ?? throw new InvalidOperationException($"The built-in holiday calendar {BuiltInResourceName} is missing.");
        return Load(stream);
    }

    /// <summary>Reads <c>{"years":{"2027":{"holidays":[...],"workdays":[...]}}}</c>.</summary>
    public static WorkingDayCalendar Load(Stream json) => new WorkingDayCalendar(new Dictionary<int, (HashSet<DateOnly>, HashSet<DateOnly>)>()).With(json);

    /// <summary>
    /// A calendar with the years of <paramref name="json"/> added; a year in both comes from the new data. The data is checked in full
    /// first (<see cref="HolidayDataCheck"/>): any problem refuses all of it, each problem named by its year and date.
    /// </summary>
    public WorkingDayCalendar With(Stream json)
    {
        using var buffer = new MemoryStream();
        json.CopyTo(buffer);
        buffer.Position = 0;
        if (HolidayDataCheck.Problems(buffer) is { Count: > 0 } problems)
        {
            throw new FormatException($"The holiday calendar data is malformed: {string.Join(" ", problems)}");
        }

        buffer.Position = 0;
        var years = new Dictionary<int, (HashSet<DateOnly>, HashSet<DateOnly>)>(_years);
        using var document = JsonDocument.Parse(buffer);
        foreach (var year in document.RootElement.GetProperty("years").EnumerateObject())
        {
            var number = int.Parse(year.Name, CultureInfo.InvariantCulture);
            years[number] = (Dates(year.Value, "holidays"), Dates(year.Value, "workdays"));
        }

        return new WorkingDayCalendar(years);
    }

    public bool IsWorkingDay(DateOnly day)
    {
        var weekday = day.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday;
        return _years.TryGetValue(day.Year, out var year) ? year.Workdays.Contains(day) || (!year.Holidays.Contains(day) && weekday) : weekday;
    }

    /// <summary>The deadline <paramref name="workingDays"/> after <paramref name="start"/>, provisional when it counted a day of a year without data.</summary>
    public Deadline DeadlineAfter(DateOnly start, int workingDays, string rule)
    {
        var due = AddWorkingDays(start, workingDays);
        var provisional = Enumerable.Range(start.Year, due.Year - start.Year + 1).Any(y => !_years.ContainsKey(y));
        return new Deadline(due, rule, provisional);
    }

    /// <summary>The n-th working day after <paramref name="start"/> (the start day itself never counts).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = start;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            counted += IsWorkingDay(day) ? 1 : 0;
        }

        return day;
    }

    private static HashSet<DateOnly> Dates(JsonElement year, string property) =>
        year.GetProperty(property).EnumerateArray().Select(d => DateOnly.ParseExact(d.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToHashSet();
}
