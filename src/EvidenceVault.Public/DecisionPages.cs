using System.Globalization;
using System.Text;
using EvidenceVault.Application.Disclosure;
using static EvidenceVault.Public.PublicHtml;

namespace EvidenceVault.Public;

/// <summary>事后公开: the list with its search form, and one decision's page.</summary>
internal static class DecisionPages
{
    public static string List(string site, PublishedDecisionFilter filter, IReadOnlyList<PublishedDecision> decisions, TimeZoneInfo zone)
    {
        var body = new StringBuilder();
        body.Append("<form method=\"get\" action=\"/decisions\">")
            .Append(Field("执法机关", "agency", filter.Agency)).Append(Field("文书号", "number", filter.DocumentNumber))
            .Append("<label>执法类别 <select name=\"category\"><option value=\"\">全部</option>");
        foreach (var type in Enum.GetValues<Domain.Cases.EnforcementType>())
        {
            body.Append("<option value=\"").Append(type).Append('"').Append(filter.Category == type ? " selected" : string.Empty).Append('>').Append(E(Category(type))).Append("</option>");
        }

        body.Append("</select></label>")
            .Append(Field("决定日期自", "from", Day(filter.From), "date")).Append(Field("至", "to", Day(filter.To), "date"))
            .Append("<button type=\"submit\">查询</button></form>");
        if (decisions.Count == 0)
        {
            body.Append("<p>没有符合条件的公开信息。</p>");
            return Page(site, "事后公开", body.ToString());
        }

        body.Append("<table><thead><tr><th>文书号</th><th>执法机关</th><th>执法对象</th><th>执法类别</th><th>决定日期</th><th>公开时间</th><th>状态</th></tr></thead><tbody>");
        foreach (var d in decisions)
        {
            body.Append("<tr><td><a href=\"/decisions/").Append(d.Id).Append("\">").Append(E(d.Text.DocumentNumber)).Append("</a></td><td>")
                .Append(E(d.Text.Agency)).Append("</td><td>").Append(E(d.Text.Party)).Append("</td><td>").Append(E(Category(d.Text.Category)))
                .Append("</td><td>").Append(Day(d.Text.DecisionDate)).Append("</td><td>").Append(Time(d.PublishedAt, zone)).Append("</td><td>")
                .Append(d.Withdrawal is { } w ? $"<span class=\"withdrawn\">{E(Withdrawal(w.Kind))}</span>" : "公开中").Append("</td></tr>");
        }

        body.Append("</tbody></table>");
        return Page(site, "事后公开", body.ToString());
    }

    public static string Detail(string site, PublishedDecision d, TimeZoneInfo zone)
    {
        var body = new StringBuilder();
        if (d.Withdrawal is { } w)
        {
            body.Append("<p class=\"withdrawn\"><strong>").Append(E(Withdrawal(w.Kind))).Append('（').Append(Time(w.At, zone)).Append("）</strong>：")
                .Append(E(w.Reason)).Append("</p>");
        }

        body.Append("<table><tbody>")
            .Append(Row("文书号", E(d.Text.DocumentNumber))).Append(Row("执法机关", E(d.Text.Agency))).Append(Row("执法对象", E(d.Text.Party)))
            .Append(Row("执法类别", E(Category(d.Text.Category)))).Append(Row("主要事实", E(d.Text.Facts))).Append(Row("法律依据", E(d.Text.LegalBasis)))
            .Append(Row("执法结论", E(d.Text.Conclusion))).Append(Row("决定日期", Day(d.Text.DecisionDate))).Append(Row("公开时间", Time(d.PublishedAt, zone)))
            .Append("</tbody></table><p><a href=\"/decisions\">返回列表</a></p>");
        return Page(site, d.Text.DocumentNumber, body.ToString());
    }

    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Time(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Row(string label, string value) => $"<tr><th>{E(label)}</th><td>{value}</td></tr>";

    private static string Field(string label, string name, string? value, string type = "text") =>
        $"<label>{E(label)} <input type=\"{type}\" name=\"{name}\" value=\"{E(value)}\" maxlength=\"100\"></label> ";
}
