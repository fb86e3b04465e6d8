namespace EvidenceVault.Domain.Cases;

/// <summary>Reads stages and enforcement types by their English or Chinese names, as officers type them.</summary>
public static class CaseTerms
{
    private static readonly Dictionary<string, ProcedureStage> StageNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["启动"] = ProcedureStage.Start,
        ["调查取证"] = ProcedureStage.Investigation,
        ["审核"] = ProcedureStage.Review,
        ["决定"] = ProcedureStage.Decision,
        ["送达"] = ProcedureStage.Service,
        ["执行"] = ProcedureStage.Execution,
        ["归档"] = ProcedureStage.Filing,
    };

    private static readonly Dictionary<string, EnforcementType> TypeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["行政许可"] = EnforcementType.Licensing,
        ["行政处罚"] = EnforcementType.Penalty,
        ["行政强制"] = EnforcementType.Coercion,
        ["行政征收征用"] = EnforcementType.LevyExpropriation,
        ["行政检查"] = EnforcementType.Inspection,
    };

    /// <summary>The Chinese name the public sees (其他 for a type with none).</summary>
    public static string ChineseName(EnforcementType type) => TypeNames.FirstOrDefault(n => n.Value == type).Key ?? "其他";

    public static ProcedureStage ParseStage(string text) =>
        StageNames.TryGetValue(text.Trim(), out var stage) || (Enum.TryParse(text.Trim(), ignoreCase: true, out stage) && Enum.IsDefined(stage) && !int.TryParse(text, out _))
            ? stage
            : throw new FormatException($"'{text}' is not a procedure stage: use one of {string.Join(", ", Enum.GetNames<ProcedureStage>())} or 启动/调查取证/审核/决定/送达/执行/归档.");

    public static EnforcementType ParseType(string text) =>
        TypeNames.TryGetValue(text.Trim(), out var type) || (Enum.TryParse(text.Trim(), ignoreCase: true, out type) && Enum.IsDefined(type) && !int.TryParse(text, out _))
            ? type
            : throw new FormatException($"'{text}' is not an enforcement type: use one of {string.Join(", ", Enum.GetNames<EnforcementType>())} or 行政许可/行政处罚/行政强制/行政征收征用/行政检查.");
}
