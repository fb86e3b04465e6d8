namespace EvidenceVault.Domain.Cases;

/// <summary>The kinds of administrative enforcement the three systems cover.</summary>
public enum EnforcementType
{
    /// <summary>行政许可.</summary>
    Licensing,

    /// <summary>行政处罚.</summary>
    Penalty,

    /// <summary>行政强制.</summary>
    Coercion,

    /// <summary>行政征收征用.</summary>
    LevyExpropriation,

    /// <summary>行政检查.</summary>
    Inspection,

    Other,
}
