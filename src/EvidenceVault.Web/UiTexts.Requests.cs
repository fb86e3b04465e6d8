namespace EvidenceVault.Web;

/// <summary>The words of information requests from the public (依申请公开).</summary>
public static partial class UiTexts
{
    private static Dictionary<string, (string Zh, string En)> Requests() => new()
    {
        ["nav.requests"] = ("依申请公开", "Information requests"),
        ["requests.title"] = ("政府信息公开申请", "Information requests"),
        ["requests.reference"] = ("申请编号", "Reference"),
        ["requests.applicant"] = ("申请人", "Applicant"),
        ["requests.id"] = ("证件", "Identity document"),
        ["requests.contact"] = ("联系方式", "Contact"),
        ["requests.description"] = ("所需信息", "Information sought"),
        ["requests.purpose"] = ("用途", "Purpose"),
        ["requests.received"] = ("收到日期", "Received"),
        ["requests.due"] = ("答复期限", "Reply due"),
        ["requests.state"] = ("状态", "State"),
        ["requests.no-clock"] = ("待补正，期限暂不计算", "Awaiting completion: no clock runs"),
        ["requests.notice"] = ("补正告知（一次性告知需补正的全部内容）", "Completion notice (everything missing, at once)"),
        ["requests.send-notice"] = ("发出补正告知", "Send completion notice"),
        ["requests.note"] = ("补正内容说明", "What arrived"),
        ["requests.record-completion"] = ("登记已补正", "Record completion"),
        ["requests.extension"] = ("延期", "Extension"),
        ["requests.approver"] = ("批准延期的负责人", "Approving head"),
        ["requests.reason"] = ("延期理由", "Reason for the extension"),
        ["requests.extend"] = ("延长20个工作日", "Extend by 20 working days"),
        ["requests.answer"] = ("答复", "Reply"),
        ["requests.ground"] = ("法律依据", "Legal ground"),
        ["requests.record-answer"] = ("登记答复", "Record reply"),
        ["requests.saved"] = ("申请 {0} 已更新。", "Request {0} updated."),
        ["requests.status.Received"] = ("已收到", "Received"),
        ["requests.status.AwaitingCompletion"] = ("待补正", "Awaiting completion"),
        ["requests.status.Completed"] = ("已补正", "Completed"),
        ["requests.status.Answered"] = ("已答复", "Answered"),
        ["requests.outcome.Disclosed"] = ("予以公开", "Disclosed"),
        ["requests.outcome.PartlyDisclosed"] = ("部分公开", "Partly disclosed"),
        ["requests.outcome.Withheld"] = ("不予公开", "Withheld"),
        ["requests.outcome.NotHeld"] = ("无此信息", "Not held"),
        ["requests.outcome.NotThisAgency"] = ("不属于本机关公开", "Not this agency's"),
        ["requests.outcome.AlreadyPublished"] = ("已主动公开", "Already published"),
        ["requests.outcome.Abandoned"] = ("视为放弃申请", "Abandoned"),
    };
}
