using System.Text;
using EvidenceVault.Application.Inspections;
using static EvidenceVault.Public.PublicHtml;

namespace EvidenceVault.Public;

/// <summary>
/// 双随机一公开: the published tasks, and one task with everything needed to repeat both draws and the assignment
/// (the canonical lists, their SHA-256, the seed source and seed, the quotas, commitments and algorithms).
/// </summary>
internal static class InspectionPages
{
    public static string List(string site, IReadOnlyList<PublishedInspection> tasks, TimeZoneInfo zone)
    {
        var body = new StringBuilder();
        if (tasks.Count == 0)
        {
            body.Append("<p>暂无公开的随机抽查结果。</p>");
            return Page(site, "双随机抽查结果", body.ToString());
        }

        body.Append("<table><thead><tr><th>任务</th><th>抽查事项</th><th>公开时间</th><th>检查对象</th><th>执法检查人员</th><th>检查结果</th></tr></thead><tbody>");
        foreach (var t in tasks)
        {
            body.Append("<tr><td><a href=\"/inspections/").Append(E(t.Task)).Append("\">").Append(E(t.Task)).Append("</a></td><td>").Append(E(t.Matter))
                .Append("</td><td>").Append(DecisionPages.Time(t.PublishedAt, zone)).Append("</td><td>").Append(Join(t.Targets.Select(x => x.Name)))
                .Append("</td><td>").Append(Join(t.Targets.Select(x => string.Join("、", x.Inspectors.Select(i => i.Name)))))
                .Append("</td><td>").Append(Join(t.Targets.Select(x => x.Result))).Append("</td></tr>");
        }

        body.Append("</tbody></table>");
        return Page(site, "双随机抽查结果", body.ToString());
    }

    public static string Detail(string site, PublishedInspection t, TimeZoneInfo zone)
    {
        var body = new StringBuilder();
        body.Append("<p>抽查事项：").Append(E(t.Matter)).Append("；公开时间：").Append(DecisionPages.Time(t.PublishedAt, zone)).Append("</p>")
            .Append("<table class=\"results\"><thead><tr><th>统一社会信用代码</th><th>检查对象</th><th>执法检查人员（单位，执法证件号码）</th><th>检查结果</th><th>处理情况</th><th>检查日期</th></tr></thead><tbody>");
        foreach (var x in t.Targets)
        {
            body.Append("<tr><td>").Append(E(x.Code)).Append("</td><td>").Append(E(x.Name)).Append("</td><td>")
                .Append(string.Join("、", x.Inspectors.Select(i => $"{E(i.Name)}（{(i.Unit is { } unit ? E(unit) + "，" : string.Empty)}{E(i.CertificateNumber)}）"))).Append("</td><td>").Append(E(x.Result))
                .Append("</td><td>").Append(E(x.Handling)).Append("</td><td>").Append(DecisionPages.Day(x.Date)).Append("</td></tr>");
        }

        body.Append("</tbody></table>");
        foreach (var r in t.Recusals)
        {
            body.Append("<p>回避：").Append(E(r.Inspector)).Append(" 不参加对 ").Append(E(r.Target)).Append(" 的检查，按排序由 ").Append(E(r.Replacement)).Append(" 替补。</p>");
        }

        body.Append("<h3>如何复核本次抽取</h3><p>每个候选的得分为 SHA-256(种子 ‖ 0x00 ‖ 候选行)，按得分从小到大排序（").Append(E(t.TargetDraw.Algorithm))
            .Append("）；检查对象取前若干名，第 k 个对象分配检查人员排序中第 k·M 至 k·M+M−1 名（M = ").Append(t.PerTarget)
            .Append("，算法 ").Append(E(t.Algorithm)).Append("，回避由排序中下一名替补）。</p>")
            .Append(Terms("检查对象抽取", t.TargetDraw)).Append(Terms("执法检查人员抽取", t.InspectorDraw))
            .Append("<p><a href=\"/inspections\">返回列表</a></p>");
        return Page(site, $"{t.Task} 双随机抽查结果", body.ToString());
    }

    private static string Terms(string title, PublishedDrawTerms d) =>
        $"<h4>{E(title)}（{E(d.Draw)}）</h4><table class=\"terms\"><tbody>"
        + $"<tr><th>名单 SHA-256</th><td class=\"list-sha256\">{E(d.ListSha256)}</td></tr>"
        + $"<tr><th>种子来源</th><td>{E(d.SeedSource)}</td></tr><tr><th>种子</th><td class=\"seed\">{E(d.Seed)}</td></tr>"
        + $"<tr><th>抽取数量</th><td>{E(string.Join(", ", d.Quota))}</td></tr><tr><th>算法</th><td>{E(d.Algorithm)}</td></tr>"
        + $"<tr><th>承诺值</th><td class=\"commitment\">{E(d.Commitment)}</td></tr></tbody></table>"
        + $"<p>候选名单（每行一个，按 UTF-8 字节排序）：</p><pre class=\"candidates\">{E(d.Candidates)}</pre>";

    private static string Join(IEnumerable<string> values) => string.Join("<br>", values.Select(E));
}
