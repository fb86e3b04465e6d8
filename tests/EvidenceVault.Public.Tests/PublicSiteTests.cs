using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace EvidenceVault.Public.Tests;

public sealed class PublicSiteTests(PublicSiteHost host) : IClassFixture<PublicSiteHost>
{
    [Theory]
    [InlineData("/recordings")]
    [InlineData("/recordings/0123456789abcdef0123/original")]
    [InlineData("/evidence")]
    [InlineData("/cases")]
    [InlineData("/case-files")]
    [InlineData("/users")]
    [InlineData("/audit")]
    [InlineData("/custody")]
    [InlineData("/retrievals")]
    [InlineData("/uploads")]
    [InlineData("/station/bays")]
    [InlineData("/auth/sign-in")]
    [InlineData("/healthz")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/decisions/../recordings")]
    [InlineData("/feeds/../../catalog.db")]
    [InlineData("/catalog.db")]
    [InlineData("/vault/checkpoints")]
    public async Task Get_EvidenceUserOrPrivateLedgerRoute_NotFound(string path)
    {
        using var response = await host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_DraftNotApproved_NotFound()
    {
        using var response = await host.Client.GetAsync($"/decisions/{host.DraftId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Write_AnyMethodButGet_Refused(string method)
    {
        using var response = await host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/decisions"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("/decisions")]
    [InlineData("/decisions?category=Penalty")]
    [InlineData("/decisions/{published}")]
    [InlineData("/decisions/{withdrawn}")]
    [InlineData("/feeds/decisions.atom")]
    [InlineData("/feeds/decisions.json")]
    [InlineData("/feeds/decisions.csv")]
    public async Task Get_EveryPageAndFeed_NoPersonalDataUnmasked(string path)
    {
        var body = await GetStringAsync(path);

        foreach (var secret in PublicSiteHost.Unmasked)
        {
            Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Get_PublishedDecision_ShowsMaskedFields()
    {
        var body = await GetStringAsync("/decisions/{published}");

        Assert.Contains("王某某", body, StringComparison.Ordinal);
        Assert.Contains("李某", body, StringComparison.Ordinal);
        Assert.Contains("320106************", body, StringComparison.Ordinal);
        Assert.Contains("138****5678", body, StringComparison.Ordinal);
        Assert.Contains("江苏省南京市鼓楼区***", body, StringComparison.Ordinal);
        Assert.Contains("宁鼓市监罚〔2025〕18号", body, StringComparison.Ordinal);
        Assert.Contains("行政处罚", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WithdrawnDecision_ShownAsWithdrawnWithReason()
    {
        var body = await GetStringAsync("/decisions/{withdrawn}");

        Assert.Contains("已撤销", body, StringComparison.Ordinal);
        Assert.Contains(PublicSiteHost.WithdrawalReason, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AtomFeed_Parses_WithEntryAndTombstoneForTheWithdrawal()
    {
        var xml = await GetStringAsync("/feeds/decisions.atom");

        using var reader = XmlReader.Create(new StringReader(xml));
        var feed = SyndicationFeed.Load(reader);
        var entry = Assert.Single(feed.Items);
        Assert.Equal($"tag:evidencevault,2026:decision/{host.PublishedId}", entry.Id);
        XNamespace at = "http://purl.org/atompub/tombstones/1.0";
        var tombstone = Assert.Single(XDocument.Parse(xml).Root!.Elements(at + "deleted-entry"));
        Assert.Equal($"tag:evidencevault,2026:decision/{host.WithdrawnId}", tombstone.Attribute("ref")?.Value);
        Assert.NotNull(tombstone.Attribute("when"));
        Assert.Contains(PublicSiteHost.WithdrawalReason, tombstone.Element(at + "comment")?.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonFeed_Parses_WithWithdrawalReason()
    {
        using var json = JsonDocument.Parse(await GetStringAsync("/feeds/decisions.json"));

        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        var withdrawn = rows.Single(r => r.GetProperty("withdrawal").ValueKind == JsonValueKind.Object);
        Assert.Equal(PublicSiteHost.WithdrawalReason, withdrawn.GetProperty("withdrawal").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task CsvFeed_HeaderAndOneQuotedRowPerDecision()
    {
        var lines = (await GetStringAsync("/feeds/decisions.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("文书号,执法机关,执法对象", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.StartsWith("\"宁鼓市监罚", l, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("?number=〔2025〕18", 1)]
    [InlineData("?agency=玄武区", 0)]
    [InlineData("?category=行政许可", 0)]
    [InlineData("?from=2025-03-03&to=2025-03-03", 2)]
    [InlineData("?from=2025-03-04", 0)]
    public async Task List_Search_FiltersByNumberAgencyCategoryAndDate(string query, int rows)
    {
        var body = await GetStringAsync("/decisions" + query);

        Assert.Equal(rows, body.Split("<a href=\"/decisions/", StringSplitOptions.None).Length - 1);
    }

    [Theory]
    [InlineData("?from=3/3/2025", "from")]
    [InlineData("?category=罚款", "enforcement type")]
    public async Task List_BadSearch_400NamingTheParameter(string query, string named)
    {
        using var response = await host.Client.GetAsync("/decisions" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_SameETagAgain_304WithCacheControl()
    {
        using var first = await host.Client.GetAsync("/decisions");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/decisions");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var second = await host.Client.SendAsync(again);

        Assert.True(first.Headers.CacheControl!.Public);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Get_Page_NoScriptsAllowed()
    {
        using var response = await host.Client.GetAsync("/decisions");

        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private async Task<string> GetStringAsync(string path)
    {
        using var response = await host.Client.GetAsync(path.Replace("{published}", host.PublishedId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{withdrawn}", host.WithdrawnId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
