namespace EvidenceVault.Web;

/// <summary>The words of retention, deletion, holds and integrity.</summary>
public static partial class UiTexts
{
    private static Dictionary<string, (string Zh, string En)> Archive() => new()
    {
        ["retention.title"] = ("保管期限与销毁", "Retention and deletion"),
        ["retention.proposals"] = ("销毁提议", "Deletion proposals"),
        ["retention.propose"] = ("生成到期销毁提议", "Propose what is due"),
        ["retention.proposed"] = ("新增 {0} 项提议。", "{0} new proposals."),
        ["retention.rule"] = ("依据规则", "Rule"),
        ["retention.flags"] = ("风险提示", "Risk flags"),
        ["retention.approvals"] = ("审批", "Approvals"),
        ["retention.still-needed"] = ("还需 {0} 人批准（不可由同一人重复批准）", "{0} more approver(s) needed (never the same person twice)"),
        ["retention.recoverable-until"] = ("可恢复至 {0}（约 {1} 小时）", "recoverable until {0} (about {1} h)"),
        ["retention.acknowledge"] = ("我已知悉上述风险", "I acknowledge the risks above"),
        ["retention.recover"] = ("恢复", "Recover"),
        ["retention.approved"] = ("提议 {0}：{1}。", "Proposal {0}: {1}."),
        ["retention.rejected"] = ("已驳回提议 {0}。", "Rejected proposal {0}."),
        ["retention.recovered"] = ("已恢复提议 {0}。", "Recovered proposal {0}."),
        ["retention.plan"] = ("保管计划", "Retention plan"),
        ["retention.state"] = ("保管状态", "State"),
        ["retention.expiring-days"] = ("多少天内到期", "Expiring within (days)"),
        ["retention.expires"] = ("到期时间", "Expires"),
        ["retention.holds"] = ("法律保全", "Legal holds"),
        ["retention.integrity"] = ("完整性", "Integrity"),
        ["retention.verify"] = ("核验监管链（audit verify）", "Verify the custody chain (audit verify)"),
        ["retention.chain"] = ("监管链", "Custody chain"),
        ["retention.intact"] = ("完整", "intact"),
        ["retention.broken"] = ("已被破坏", "BROKEN"),
        ["retention.entries"] = ("共 {0} 条", "{0} entries"),
        ["retention.first-break"] = ("首个断点", "First break"),
        ["retention.head"] = ("已核验的签名检查点", "Verified signed head"),
        ["retention-state.Held"] = ("法律保全中", "Held"),
        ["retention-state.Permanent"] = ("永久保存", "Permanent"),
        ["retention-state.WaitingForCases"] = ("等待案件办结", "Waiting for cases"),
        ["retention-state.Running"] = ("保管期内", "Running"),
        ["retention-state.Expired"] = ("已到期", "Expired"),
        ["deletion-status.Proposed"] = ("待批准", "Proposed"),
        ["deletion-status.Approved"] = ("已批准（恢复期内）", "Approved (in its recovery window)"),
        ["deletion-status.Rejected"] = ("已驳回", "Rejected"),
        ["deletion-status.Recovered"] = ("已恢复", "Recovered"),
        ["deletion-status.Destroyed"] = ("已销毁", "Destroyed"),
        ["hold-scope.Recording"] = ("记录", "Recording"),
        ["hold-scope.Case"] = ("案件", "Case"),
    };
}
