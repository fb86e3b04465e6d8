namespace EvidenceVault.Domain.Cases;

/// <summary>The stages of an enforcement procedure, in order; every stage must leave a trace (全过程留痕).</summary>
public enum ProcedureStage
{
    /// <summary>启动.</summary>
    Start = 1,

    /// <summary>调查取证.</summary>
    Investigation = 2,

    /// <summary>审核.</summary>
    Review = 3,

    /// <summary>决定.</summary>
    Decision = 4,

    /// <summary>送达.</summary>
    Service = 5,

    /// <summary>执行.</summary>
    Execution = 6,

    /// <summary>归档.</summary>
    Filing = 7,
}
