namespace EvidenceVault.Web;

/// <summary>The words of the 双随机 staff page.</summary>
public static partial class UiTexts
{
    private static Dictionary<string, (string Zh, string En)> Inspection() => new()
    {
        ["nav.inspections"] = ("双随机", "Inspections"),
        ["inspection.title"] = ("双随机抽查任务", "Random inspection tasks"),
        ["inspection.tasks"] = ("任务", "Tasks"),
        ["inspection.none"] = ("暂无任务。", "No tasks yet."),
        ["inspection.task"] = ("任务编号", "Task"),
        ["inspection.matter"] = ("抽查事项", "Matter"),
        ["inspection.status"] = ("状态", "Status"),
        ["inspection.status.committed"] = ("已承诺，待揭示", "Committed, awaiting the seed"),
        ["inspection.status.revealed"] = ("已揭示，检查中", "Revealed, inspecting"),
        ["inspection.status.published"] = ("结果已公开", "Results published"),
        ["inspection.summary"] = ("抽取 {0} 个检查对象，每个 {1} 名执法检查人员；抽签 {2}（对象）与 {3}（人员）。", "{0} targets, {1} inspectors each; draws {2} (targets) and {3} (inspectors)."),
        ["inspection.verified"] = ("复核一致：名录、抽签与分配相符。", "Verified: pools, draws and assignment agree."),
        ["inspection.problem"] = ("复核不一致", "Does not verify"),
        ["inspection.seed"] = ("公开随机数（与承诺时所述来源一致）", "Public seed (from the source named at commitment)"),
        ["inspection.reveal"] = ("揭示并分配", "Reveal and assign"),
        ["inspection.revealed"] = ("任务 {0} 已揭示，分配已确定。", "Task {0} revealed; the assignment is fixed."),
        ["inspection.target"] = ("检查对象", "Target"),
        ["inspection.inspectors"] = ("执法检查人员", "Inspectors"),
        ["inspection.outcome"] = ("检查结果", "Outcome"),
        ["inspection.recusal"] = ("回避", "Recusal"),
        ["inspection.inspector"] = ("回避人员（执法证件号码）", "Standing-down inspector (certificate number)"),
        ["inspection.reason"] = ("回避事由（必填）", "Reason (required)"),
        ["inspection.recuse"] = ("登记回避", "Record the recusal"),
        ["inspection.recused"] = ("{0} 回避，按排序由 {1} 替补。", "{0} stands down; the ranking puts in {1}."),
        ["inspection.result"] = ("检查结果", "Result"),
        ["inspection.handling"] = ("处理情况", "Handling"),
        ["inspection.date"] = ("检查日期", "Inspection day"),
        ["inspection.record"] = ("登记结果", "Record the outcome"),
        ["inspection.recorded"] = ("{0} 的检查结果已登记。", "Outcome at {0} recorded."),
        ["inspection.publish"] = ("公开检查结果", "Publish the results"),
        ["inspection.published"] = ("任务 {0} 的结果已于 {1} 公开。", "Results of task {0} published at {1}."),
    };
}
