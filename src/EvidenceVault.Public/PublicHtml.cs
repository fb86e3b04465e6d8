using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Disclosure;

namespace EvidenceVault.Public;

/// <summary>The page frame and the encoding every value goes through.</summary>
internal static class PublicHtml
{
    // All of Unicode allowed as is, so Chinese text stays readable in the source; <, >, &, quotes are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string E(string? text) => Encoder.Encode(text ?? string.Empty);

    public static string Page(string siteTitle, string title, string body)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append(" - ").Append(E(siteTitle)).Append("</title>")
            .Append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"事后公开\" href=\"/feeds/decisions.atom\">")
            .Append("<style>body{font-family:sans-serif;max-width:60rem;margin:auto;padding:1rem}table{border-collapse:collapse;width:100%}")
            .Append("td,th{border:1px solid #ccc;padding:.3rem;text-align:left}.withdrawn{color:#a00}pre{white-space:pre-wrap}")
            .Append("ol.flow{list-style-position:inside;padding:0}ol.flow li{border:1px solid #888;border-radius:.3rem;padding:.4rem;margin:0 0 1.4rem;position:relative}")
            .Append("ol.flow li:not(:last-child)::after{content:'↓';position:absolute;left:50%;bottom:-1.3rem}</style></head><body>")
            .Append("<header><h1>").Append(E(siteTitle)).Append("</h1><nav><p>事前公开：")
            .AppendJoin(" · ", PriorDisclosurePages.All.Select(p => $"<a href=\"{p.Path}\">{E(p.Title)}</a>"))
            .Append("</p><p><a href=\"/decisions\">事后公开</a> · <a href=\"/inspections\">双随机抽查结果</a> · <a href=\"/ledger-heads\">记录账本校验点</a> · ")
            .Append("<a href=\"/feeds/decisions.atom\">Atom</a> · <a href=\"/feeds/decisions.json\">JSON</a> · <a href=\"/feeds/decisions.csv\">CSV</a> · <a href=\"/requests/status\">依申请公开进度查询</a></p></nav></header><main>")
            .Append("<h2>").Append(E(title)).Append("</h2>").Append(body).Append("</main></body></html>");
        return html.ToString();
    }

    public static string Category(EnforcementType type) => CaseTerms.ChineseName(type);

    public static string Withdrawal(WithdrawalKind kind) => kind switch
    {
        WithdrawalKind.Revoked => "已撤销",
        WithdrawalKind.Changed => "已变更",
        _ => "已确认违法或无效",
    };
}
