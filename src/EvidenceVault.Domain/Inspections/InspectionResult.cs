namespace EvidenceVault.Domain.Inspections;

/// <summary>
/// What an inspection found at one target, in the categories the 双随机 result notices publish (检查结果); the public site
/// shows <see cref="InspectionResults.Label"/>.
/// </summary>
public enum InspectionResult
{
    /// <summary>未发现问题.</summary>
    NoProblem,

    /// <summary>发现问题已责令整改.</summary>
    Rectification,

    /// <summary>发现问题已立案查处.</summary>
    CaseOpened,

    /// <summary>通过登记的住所（经营场所）无法联系.</summary>
    Unreachable,

    /// <summary>不配合检查情节严重.</summary>
    Obstructed,
}

/// <summary>The published wording of each result, defined once.</summary>
public static class InspectionResults
{
    private static readonly Dictionary<InspectionResult, string> Labels = new()
    {
        [InspectionResult.NoProblem] = "未发现问题",
        [InspectionResult.Rectification] = "发现问题已责令整改",
        [InspectionResult.CaseOpened] = "发现问题已立案查处",
        [InspectionResult.Unreachable] = "通过登记的住所（经营场所）无法联系",
        [InspectionResult.Obstructed] = "不配合检查情节严重",
    };

    public static string Label(InspectionResult result) => Labels[result];

    /// <summary>
    /// Reads one enum name (case-insensitive) or one Chinese label, whole. Enum.TryParse is not used: it takes "7" as an
    /// undefined value and a comma list as a flags combination ("NoProblem,CaseOpened" would read as CaseOpened).
    /// </summary>
    public static InspectionResult Parse(string text)
    {
        var trimmed = text.Trim();
        foreach (var (result, label) in Labels)
        {
            if (trimmed.Equals(result.ToString(), StringComparison.OrdinalIgnoreCase) || trimmed == label)
            {
                return result;
            }
        }

        var one = trimmed.Contains(',', StringComparison.Ordinal) || trimmed.Contains('，', StringComparison.Ordinal) ? " (one result per target, not a list)" : string.Empty;
        throw new FormatException($"'{text}' is not an inspection result{one}; allowed: {string.Join(", ", Labels.Select(l => $"{l.Key} ({l.Value})"))}.");
    }
}

/// <summary>The recorded result at one drawn target: what was found, how it was handled, on which day.</summary>
public sealed record InspectionOutcome(string Target, InspectionResult Result, string Handling, DateOnly Date, string By, DateTimeOffset At);

/// <summary>Which pool an import replaces: the 检查对象名录 or the 执法检查人员名录.</summary>
public enum InspectionPoolKind
{
    Targets,
    Inspectors,
}
