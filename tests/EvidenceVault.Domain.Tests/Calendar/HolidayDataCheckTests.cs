using System.Text;
using EvidenceVault.Domain.Calendar;

namespace EvidenceVault.Domain.Tests.Calendar;

public sealed class HolidayDataCheckTests
{
    [Fact]
    public void Problems_BuiltInData_None()
    {
        using var stream = typeof(WorkingDayCalendar).Assembly.GetManifestResourceStream(WorkingDayCalendar.BuiltInResourceName)!;

        Assert.Empty(HolidayDataCheck.Problems(stream));
    }

    [Fact]
    public void Problems_SeveralMistakes_EachNamedByItsYearAndDate()
    {
        const string json = """
            {"years":{
              "2027":{"holidays":["2027-01-01","2027-01-01","2028-02-01","2027-13-01","2027-02-06"],"workdays":["2027-02-06","2027-02-08"]},
              "27":{"holidays":[],"workdays":[]},
              "2028":{"holidays":[]}
            }}
            """;

        var problems = Problems(json);

        Assert.Equal(
            [
                "Year 2027: holidays lists 2027-01-01 twice.",
                "Year 2027: holidays entry 2028-02-01 is outside that year.",
                "Year 2027: holidays entry '2027-13-01' is not a date (yyyy-MM-dd).",
                "Year 2027: 2027-02-06 is listed both as a holiday and as a working day.",
                "Year 2027: working day 2027-02-08 is a Monday; only a weekend day can be a make-up working day (调休).",
                "Year '27' is not a year from 2000 to 2100.",
                "Year 2028 has no \"workdays\" list.",
            ],
            problems);
    }

    [Fact]
    public void With_AnyProblem_RefusesAllOfItNamingEachProblem()
    {
        var error = Assert.Throws<FormatException>(() => WorkingDayCalendar.LoadBuiltIn().With(
            new MemoryStream(Encoding.UTF8.GetBytes("""{"years":{"2027":{"holidays":["2027-01-01"],"workdays":["2027-01-04"]}}}"""))));

        Assert.Contains("2027-01-04 is a Monday", error.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> Problems(string json) => HolidayDataCheck.Problems(new MemoryStream(Encoding.UTF8.GetBytes(json)));
}
