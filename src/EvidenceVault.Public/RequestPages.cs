using System.Globalization;
using System.Text;
using EvidenceVault.Application.Requests;
using EvidenceVault.Domain.Requests;

namespace EvidenceVault.Public;

/// <summary>The information request form (依申请公开) and its acknowledgement: plain HTML, no script, every value encoded.</summary>
internal static class RequestPages
{
    public const string Path = "/requests/new";

    private static readonly (string Field, string Label, bool Long, string Hint)[] Fields =
    [
        (nameof(RequestSubmission.Name), "申请人姓名或名称（必填）", false, "公民填写姓名，法人或其他组织填写名称"),
        (nameof(RequestSubmission.IdType), "证件类型", false, "如居民身份证、统一社会信用代码"),
        (nameof(RequestSubmission.IdNumber), "证件号码", false, string.Empty),
        (nameof(RequestSubmission.Phone), "联系电话", false, "联系电话、电子邮箱、通信地址至少填写一项"),
        (nameof(RequestSubmission.Email), "电子邮箱", false, string.Empty),
        (nameof(RequestSubmission.Address), "通信地址", false, string.Empty),
        (nameof(RequestSubmission.Description), "所需政府信息的名称、文号或者便于查询的其他特征性描述（必填）", true, string.Empty),
        (nameof(RequestSubmission.Purpose), "用途（选填）", true, string.Empty),
    ];

    /// <summary>The form, with what was typed and each field's problems beside it.</summary>
    public static string Form(string siteTitle, string token, RequestSubmission? typed, IReadOnlyList<FieldProblem> problems)
    {
        var html = new StringBuilder();
        html.Append("<p>依据《中华人民共和国政府信息公开条例》第二十七条至第三十三条，您可以申请获取本机关的政府信息。本机关自收到申请之日起20个工作日内答复；需要延长的，经负责人同意可延长不超过20个工作日。</p>");
        if (problems.Count > 0)
        {
            html.Append("<div class=\"withdrawn\" role=\"alert\"><p>申请未提交，请修改以下内容：</p><ul>");
            foreach (var problem in problems)
            {
                html.Append("<li>").Append(PublicHtml.E(problem.Message)).Append("</li>");
            }

            html.Append("</ul></div>");
        }

        html.Append("<form method=\"post\" action=\"").Append(Path).Append("\" accept-charset=\"utf-8\">")
            .Append("<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"").Append(PublicHtml.E(token)).Append("\">");
        foreach (var (field, label, isLong, hint) in Fields)
        {
            var value = typed is null ? null : Value(typed, field);
            var max = RequestSubmission.MaxLengths[field].ToString(CultureInfo.InvariantCulture);
            html.Append("<p><label for=\"").Append(field).Append("\">").Append(PublicHtml.E(label)).Append("</label><br>");
            html.Append(isLong
                ? $"<textarea id=\"{field}\" name=\"{field}\" rows=\"5\" cols=\"60\" maxlength=\"{max}\">{PublicHtml.E(value)}</textarea>"
                : $"<input id=\"{field}\" name=\"{field}\" size=\"40\" maxlength=\"{max}\" value=\"{PublicHtml.E(value)}\">");
            foreach (var problem in problems.Where(p => p.Field == field))
            {
                html.Append("<br><strong class=\"withdrawn\">").Append(PublicHtml.E(problem.Message)).Append("</strong>");
            }

            if (hint.Length > 0)
            {
                html.Append("<br><small>").Append(PublicHtml.E(hint)).Append("</small>");
            }

            html.Append("</p>");
        }

        var form = typed?.Form;
        html.Append("<fieldset><legend>获取信息的方式</legend>")
            .Append(Choice("纸质", form)).Append(Choice("电子", form));
        foreach (var problem in problems.Where(p => p.Field == nameof(RequestSubmission.Form)))
        {
            html.Append("<br><strong class=\"withdrawn\">").Append(PublicHtml.E(problem.Message)).Append("</strong>");
        }

        html.Append("</fieldset><p><button type=\"submit\">提交申请</button></p></form>");
        return PublicHtml.Page(siteTitle, "政府信息公开申请", html.ToString());
    }

    public static string Acknowledgement(string siteTitle, RequestAcknowledgement acknowledgement) =>
        PublicHtml.Page(siteTitle, "申请已收到", new StringBuilder()
            .Append("<p>您的政府信息公开申请已收到。请保存以下信息，以便查询和联系。</p><table>")
            .Append("<tr><th>申请编号</th><td>").Append(PublicHtml.E(acknowledgement.Reference.ToString())).Append("</td></tr>")
            .Append("<tr><th>查询码</th><td><strong>").Append(PublicHtml.E(acknowledgement.QueryCode.ToString())).Append("</strong>")
            .Append("（仅显示这一次，本机关不保存查询码，遗失后无法找回；凭申请编号和查询码可在<a href=\"").Append(RequestStatusPages.Path).Append("\">申请进度查询</a>页面查看办理进度）</td></tr>")
            .Append("<tr><th>收到申请日期</th><td>").Append(Day(acknowledgement.ReceivedOn)).Append("</td></tr>")
            .Append("<tr><th>答复期限</th><td>").Append(Day(acknowledgement.DueOn))
            .Append(acknowledgement.DueProvisional ? "（暂定：该年度节假日安排尚未公布，暂按周一至周五计算，公布后以正式安排为准）" : string.Empty)
            .Append("前（20个工作日；如需补正，自收到补正申请之日起重新计算；经批准可延长不超过20个工作日）</td></tr>")
            .Append("</table>").ToString());

    public static string Refused(string siteTitle, string title, string message) =>
        PublicHtml.Page(siteTitle, title, $"<p>{PublicHtml.E(message)}</p><p><a href=\"{Path}\">返回申请表</a></p>");

    private static string Choice(string form, string? chosen) =>
        $"<label><input type=\"radio\" name=\"{nameof(RequestSubmission.Form)}\" value=\"{form}\"{(chosen == form ? " checked" : string.Empty)}> {form}</label> ";

    private static string Day(DateOnly day) => day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    private static string? Value(RequestSubmission s, string field) => field switch
    {
        nameof(RequestSubmission.Name) => s.Name,
        nameof(RequestSubmission.IdType) => s.IdType,
        nameof(RequestSubmission.IdNumber) => s.IdNumber,
        nameof(RequestSubmission.Phone) => s.Phone,
        nameof(RequestSubmission.Email) => s.Email,
        nameof(RequestSubmission.Address) => s.Address,
        nameof(RequestSubmission.Description) => s.Description,
        _ => s.Purpose,
    };
}
