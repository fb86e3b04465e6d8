using Bunit;
using EvidenceVault.Application.Custody;
using EvidenceVault.Web.Components;

namespace EvidenceVault.Web.Tests.Components;

public sealed class CustodyTrailTests : ComponentContext
{
    [Fact]
    public void Render_Entries_OneRowEachWithItsSequenceAndTheStationsWallClock()
    {
        var at = new DateTimeOffset(2026, 12, 1, 16, 5, 0, TimeSpan.Zero);
        CustodyRecord[] records =
        [
            new(7, new CustodyEntry(at, "officer", CustodyActions.Viewed, "r1", "{}"), "00", "11"),
            new(9, new CustodyEntry(at.AddMinutes(1), "reviewer", CustodyActions.Retrieved, "r1", "{\"grant\":\"R-1\"}"), "11", "22"),
        ];

        var trail = Render<CustodyTrail>(p => p.Add(c => c.Records, records));

        var rows = trail.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Equal("7", rows[0].Children[0].TextContent);
        Assert.Equal("2026-12-02 00:05:00 +08:00", rows[0].Children[1].TextContent);
        Assert.Equal("{\"grant\":\"R-1\"}", rows[1].Children[4].TextContent);
    }

    [Fact]
    public void Render_NoEntries_SaysSoInTheReadersLanguage()
    {
        ReadInEnglish();

        var trail = Render<CustodyTrail>(p => p.Add(c => c.Records, Array.Empty<CustodyRecord>()));

        Assert.Empty(trail.FindAll("table"));
        Assert.Equal(UiTexts.All["trail.empty"].En, trail.Find("p").TextContent);
    }
}
