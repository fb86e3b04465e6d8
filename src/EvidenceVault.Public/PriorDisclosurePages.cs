using System.Text;
using EvidenceVault.Application.PriorDisclosure;
using EvidenceVault.Domain.PriorDisclosure;
using static EvidenceVault.Public.PublicHtml;

namespace EvidenceVault.Public;

/// <summary>
/// 事前公开: the six pages over the published copy only (never a draft version), every value encoded. A flow chart is the
/// guide's ordered steps as an ordered list, so a screen reader reads it in order and nothing binary is served.
/// </summary>
internal static class PriorDisclosurePages
{
    /// <summary>Path and title of each page, in the order of the navigation.</summary>
    public static readonly (string Path, string Title)[] All =
    [
        ("/agency", "执法主体"),
        ("/officers", "执法人员"),
        ("/matters", "行政执法事项清单"),
        ("/random-inspections", "随机抽查事项清单"),
        ("/guides", "服务指南"),
        ("/channels", "投诉举报与查询渠道"),
    ];

    public static string Render(string site, string path, PublishedPriorDisclosure published, TimeZoneInfo zone)
    {
        var d = published.Data;
        var body = new StringBuilder();
        switch (path)
        {
            case "/agency":
                body.Append("<table><tbody>").Append(Row("执法主体", d.Agency.Name)).Append(Row("职责", d.Agency.Duties)).Append(Row("管辖范围", d.Agency.Jurisdiction))
                    .Append(Row("地址", d.Agency.Address)).Append(Row("办公时间", d.Agency.OfficeHours)).Append("</tbody></table>");
                break;
            case "/officers":
                Table(body, ["姓名", "执法证件号码", "执法类别", "执法区域"], d.Officers.Where(o => o.Status == OfficerStatus.Active), o => [o.Name, o.Certificate.Value, o.Category, o.Area]);
                break;
            case "/matters":
                Table(body, ["事项名称", "类别", "法律依据", "办理程序", "办理时限"], d.Matters, m => [m.Name, Category(m.Category), m.LegalBasis, m.Procedure, m.TimeLimit]);
                break;
            case "/random-inspections":
                Table(body, ["抽查事项", "抽查依据", "抽查对象", "抽查频次"], d.Inspections, i => [i.Matter, i.Basis, i.Subjects, i.Frequency]);
                break;
            case "/guides":
                Guides(body, d.Guides);
                break;
            default:
                Table(body, ["渠道", "名称", "联系方式"], d.Channels, c => [Kind(c.Kind), c.Label, c.Value]);
                break;
        }

        body.Append("<p><small>第 ").Append(published.Version).Append(" 版，发布于 ").Append(DecisionPages.Time(published.PublishedAt, zone)).Append("</small></p>");
        return Page(site, Title(path), body.ToString());
    }

    public static string Title(string path) => All.Single(p => p.Path == path).Title;

    private static void Guides(StringBuilder body, IReadOnlyList<ServiceGuide> guides)
    {
        if (guides.Count == 0)
        {
            body.Append("<p>暂无服务指南。</p>");
        }

        foreach (var g in guides)
        {
            body.Append("<section><h3>").Append(E(g.Title)).Append("</h3><p>").Append(E(g.Text)).Append("</p>");
            if (g.FlowChart.Count > 0)
            {
                body.Append("<figure><figcaption>办理流程图</figcaption><ol class=\"flow\" aria-label=\"").Append(E(g.Title)).Append("办理流程\">");
                foreach (var step in g.FlowChart)
                {
                    body.Append("<li>").Append(E(step)).Append("</li>");
                }

                body.Append("</ol></figure>");
            }

            body.Append("</section>");
        }
    }

    private static void Table<T>(StringBuilder body, string[] headers, IEnumerable<T> items, Func<T, string[]> cells)
    {
        var rows = items.ToList();
        if (rows.Count == 0)
        {
            body.Append("<p>暂无公开内容。</p>");
            return;
        }

        body.Append("<table><thead><tr>").AppendJoin(string.Empty, headers.Select(h => $"<th>{E(h)}</th>")).Append("</tr></thead><tbody>");
        foreach (var item in rows)
        {
            body.Append("<tr>").AppendJoin(string.Empty, cells(item).Select(c => $"<td>{E(c)}</td>")).Append("</tr>");
        }

        body.Append("</tbody></table>");
    }

    private static string Row(string label, string value) => $"<tr><th>{E(label)}</th><td>{E(value)}</td></tr>";

    private static string Category(MatterCategory category) => category switch
    {
        MatterCategory.Penalty => "行政处罚",
        MatterCategory.Licensing => "行政许可",
        MatterCategory.Inspection => "行政检查",
        MatterCategory.Coercion => "行政强制",
        MatterCategory.Levy => "行政征收征用",
        _ => "其他",
    };

    private static string Kind(ChannelKind kind) => kind switch
    {
        ChannelKind.Phone => "电话",
        ChannelKind.Website => "网站",
        _ => "地址",
    };
}
