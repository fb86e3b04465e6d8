using System.Globalization;
using System.Text;
using EvidenceVault.Domain.Requests;

namespace EvidenceVault.Public;

/// <summary>
/// The status lookup of an information request (申请进度查询): a form for the reference and query code, and the stage and dates.
/// The not-found page names neither the reference nor the code, so every failed lookup gets the very same bytes.
/// </summary>
internal static class RequestStatusPages
{
    public const string Path = "/requests/status";

    public static string Form(string siteTitle, string token) =>
        PublicHtml.Page(siteTitle, "申请进度查询", new StringBuilder()
            .Append("<p>请输入申请时取得的申请编号和查询码。</p>")
            .Append("<form method=\"post\" action=\"").Append(Path).Append("\" accept-charset=\"utf-8\">")
            .Append("<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"").Append(PublicHtml.E(token)).Append("\">")
            .Append("<p><label for=\"Reference\">申请编号</label><br><input id=\"Reference\" name=\"Reference\" size=\"20\" maxlength=\"24\" autocomplete=\"off\"></p>")
            .Append("<p><label for=\"Code\">查询码</label><br><input id=\"Code\" name=\"Code\" size=\"20\" maxlength=\"").Append(RequestQueryCode.Length * 2)
            .Append("\" autocomplete=\"off\"></p><p><button type=\"submit\">查询</button></p></form>").ToString());

    public static string Status(string siteTitle, InformationRequestId reference, PublishedRequestStatus status)
    {
        var html = new StringBuilder("<table>")
            .Append("<tr><th>申请编号</th><td>").Append(PublicHtml.E(reference.ToString())).Append("</td></tr>")
            .Append("<tr><th>办理状态</th><td>").Append(Stage(status.Stage)).Append("</td></tr>")
            .Append("<tr><th>收到申请日期</th><td>").Append(Day(status.ReceivedOn)).Append("</td></tr>");
        if (status.DueOn is { } due && status.Stage != RequestStage.Answered)
        {
            html.Append("<tr><th>答复期限</th><td>").Append(Day(due))
                .Append(status.DueProvisional ? "前（暂定：该年度节假日安排尚未公布，暂按周一至周五计算）" : "前").Append("</td></tr>");
        }

        if (status.Stage == RequestStage.AwaitingCompletion)
        {
            html.Append("<tr><th>说明</th><td>本机关已一次性告知需要补正的内容，答复期限自收到补正后的申请之日起重新计算。</td></tr>");
        }

        if (status.AnsweredOn is { } answered)
        {
            html.Append("<tr><th>答复日期</th><td>").Append(Day(answered)).Append("</td></tr>");
        }

        return PublicHtml.Page(siteTitle, "申请进度", html.Append("</table>").ToString());
    }

    public static string NotFound(string siteTitle) =>
        PublicHtml.Page(siteTitle, "未查到申请", $"<p>申请编号与查询码不符，或该申请不存在。请核对后<a href=\"{Path}\">重新查询</a>。</p>");

    private static string Stage(RequestStage stage) => stage switch
    {
        RequestStage.AwaitingCompletion => "需补正",
        RequestStage.Extended => "已延期",
        RequestStage.Answered => "已答复",
        _ => "已受理",
    };

    private static string Day(DateOnly day) => day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
