using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using EvidenceVault.Domain.Cases;
using Microsoft.VisualBasic.FileIO;

namespace EvidenceVault.Public.Tests;

/// <summary>The feeds read by a standard parser: Atom per RFC 4287 with RFC 6721 tombstones, JSON, and RFC 4180 CSV.</summary>
public sealed class DecisionFeedsTests(PublicSiteHost host) : IClassFixture<PublicSiteHost>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace At = "http://purl.org/atompub/tombstones/1.0";

    [Fact]
    public async Task AtomFeed_Rfc4287_FeedAndEntriesCarryRequiredElementsAndUniqueIds()
    {
        var xml = await GetStringAsync(host, "/feeds/decisions.atom");

        using (var reader = XmlReader.Create(new StringReader(xml)))
        {
            Assert.Single(SyndicationFeed.Load(reader).Items);
        }

        var feed = XDocument.Parse(xml).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.All(new[] { "id", "title", "updated" }, name => Assert.Single(feed.Elements(Atom + name)));
        Assert.True(DateTimeOffset.TryParse(feed.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture, out _));
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.NotEmpty(entries);
        foreach (var entry in entries)
        {
            Assert.All(new[] { "id", "title", "updated" }, name => Assert.Single(entry.Elements(Atom + name)));
            Assert.Contains(entry.Elements(Atom + "link"), l => l.Attribute("href") is { Value.Length: > 0 });
        }

        var ids = entries.Select(e => e.Element(Atom + "id")!.Value).Append(feed.Element(Atom + "id")!.Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task AtomFeed_Rfc6721_TombstoneHasRefAndWhenAndNoEntryOfItsOwn()
    {
        var feed = XDocument.Parse(await GetStringAsync(host, "/feeds/decisions.atom")).Root!;

        var tombstone = Assert.Single(feed.Elements(At + "deleted-entry"));
        var reference = tombstone.Attribute("ref")?.Value;
        Assert.Equal($"tag:evidencevault,2026:decision/{host.WithdrawnId}", reference);
        Assert.True(DateTimeOffset.TryParse(tombstone.Attribute("when")?.Value, System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.DoesNotContain(feed.Elements(Atom + "entry"), e => e.Element(Atom + "id")?.Value == reference);
    }

    [Fact]
    public async Task JsonFeed_Parses_OneObjectPerDecisionWithIds()
    {
        using var json = JsonDocument.Parse(await GetStringAsync(host, "/feeds/decisions.json"));

        Assert.All(json.RootElement.EnumerateArray(), d => Assert.StartsWith("tag:evidencevault,2026:decision/", d.GetProperty("id").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task CsvFeed_CommaQuoteAndNewlineInAField_ParsedBackByAStandardReader()
    {
        const string Tricky = "店内张贴\"特价, 最后一天\"字样，\n次日仍销售过期食品。";
        await using var own = new PublicSiteHost();
        await own.InitializeAsync();
        await own.PublishAsync("宁鼓市监罚〔2025〕21号", "钱八", EnforcementType.Penalty, facts: Tricky);

        var csv = await GetStringAsync(own, "/feeds/decisions.csv");

        using var parser = new TextFieldParser(new StringReader(csv)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        Assert.Equal(["文书号", "执法机关", "执法对象", "执法类别", "主要事实", "法律依据", "执法结论", "决定日期", "公开时间", "撤回时间", "撤回原因"], header);
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields()!);
        }

        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(header.Length, r.Length));
        Assert.Equal(Tricky, rows.Single(r => r[0] == "宁鼓市监罚〔2025〕21号")[4]);
    }

    private static async Task<string> GetStringAsync(PublicSiteHost site, string path)
    {
        using var response = await site.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
