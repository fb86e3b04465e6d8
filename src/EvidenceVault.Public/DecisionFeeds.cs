using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using System.Xml;
using System.Xml.Linq;
using EvidenceVault.Application.Disclosure;

namespace EvidenceVault.Public;

/// <summary>
/// The list as feeds. Atom (RFC 4287) carries decisions on display as entries and withdrawn ones as RFC 6721
/// tombstones (<c>at:deleted-entry</c> with the reason as its comment), so a reader drops them; JSON and CSV carry
/// every row with its withdrawal.
/// </summary>
internal static class DecisionFeeds
{
    public const string TombstoneNamespace = "http://purl.org/atompub/tombstones/1.0";
    // Chinese as is (still valid JSON, and readable); HTML-significant characters stay escaped.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>Entry ids are tag URIs (RFC 4151): stable whatever host name the site is served under.</summary>
    public static string EntryId(long id) => FormattableString.Invariant($"tag:evidencevault,2026:decision/{id}");

    public static string Atom(string site, Uri baseUri, IReadOnlyList<PublishedDecision> decisions)
    {
        var feed = new SyndicationFeed(site + " · 事后公开", "行政执法决定公开信息", new Uri(baseUri, "/decisions"))
        {
            Id = "tag:evidencevault,2026:decisions",
            LastUpdatedTime = decisions.Count == 0 ? DateTimeOffset.UnixEpoch : decisions.Max(d => d.UpdatedAt),
            Language = "zh-CN",
        };
        feed.AttributeExtensions.Add(new XmlQualifiedName("at", "http://www.w3.org/2000/xmlns/"), TombstoneNamespace);
        var items = new List<SyndicationItem>();
        foreach (var d in decisions)
        {
            if (d.Withdrawal is { } withdrawal)
            {
                XNamespace at = TombstoneNamespace;
                feed.ElementExtensions.Add(new XElement(
                    at + "deleted-entry",
                    new XAttribute("ref", EntryId(d.Id)),
                    new XAttribute("when", withdrawal.At.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture)),
                    new XElement(at + "comment", $"{PublicHtml.Withdrawal(withdrawal.Kind)}：{withdrawal.Reason}")));
                continue;
            }

            var text = d.Text;
            var summary = $"执法机关：{text.Agency}\n执法对象：{text.Party}\n执法类别：{PublicHtml.Category(text.Category)}\n主要事实：{text.Facts}\n法律依据：{text.LegalBasis}\n执法结论：{text.Conclusion}\n决定日期：{DecisionPages.Day(text.DecisionDate)}";
            items.Add(new SyndicationItem(text.DocumentNumber, summary, new Uri(baseUri, FormattableString.Invariant($"/decisions/{d.Id}")), EntryId(d.Id), d.UpdatedAt)
            {
                PublishDate = d.PublishedAt,
            });
        }

        feed.Items = items;
        var output = new StringBuilder();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = Encoding.UTF8, Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return output.ToString();
    }

    public static string JsonList(IReadOnlyList<PublishedDecision> decisions) =>
        JsonSerializer.Serialize(decisions.Select(d => new PublicDecisionJson(d)), Json);

    public static string JsonHeads(IReadOnlyList<PublishedCheckpoint> heads) =>
        JsonSerializer.Serialize(heads.Select(h => new { h.Size, rootBase64 = h.RootHash, rootHex = Convert.ToHexStringLower(Convert.FromBase64String(h.RootHash)), h.Time, checkpoint = h.Note }), Json);

    public static string Csv(IReadOnlyList<PublishedDecision> decisions)
    {
        var csv = new StringBuilder("文书号,执法机关,执法对象,执法类别,主要事实,法律依据,执法结论,决定日期,公开时间,撤回时间,撤回原因\r\n");
        foreach (var d in decisions)
        {
            var t = d.Text;
            string[] cells =
            [
                t.DocumentNumber, t.Agency, t.Party, PublicHtml.Category(t.Category), t.Facts, t.LegalBasis, t.Conclusion, DecisionPages.Day(t.DecisionDate),
                d.PublishedAt.ToString("O", CultureInfo.InvariantCulture), d.Withdrawal?.At.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty, d.Withdrawal?.Reason ?? string.Empty,
            ];
            csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        }

        return csv.ToString();
    }

    // RFC 4180 quoting; a cell a spreadsheet would run as a formula (=, +, -, @) is prefixed with ' so it stays text.
    private static string Cell(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private sealed record PublicDecisionJson([property: JsonIgnore] PublishedDecision Decision)
    {
        public string Id => EntryId(Decision.Id);

        public string DocumentNumber => Decision.Text.DocumentNumber;

        public string Agency => Decision.Text.Agency;

        public string Party => Decision.Text.Party;

        public string Category => PublicHtml.Category(Decision.Text.Category);

        public string Facts => Decision.Text.Facts;

        public string LegalBasis => Decision.Text.LegalBasis;

        public string Conclusion => Decision.Text.Conclusion;

        public DateOnly DecisionDate => Decision.Text.DecisionDate;

        public DateTimeOffset PublishedAt => Decision.PublishedAt;

        public object? Withdrawal => Decision.Withdrawal is { } w ? new { kind = PublicHtml.Withdrawal(w.Kind), w.Reason, w.At } : null;
    }
}
