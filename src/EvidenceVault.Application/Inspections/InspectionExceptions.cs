namespace EvidenceVault.Application.Inspections;

/// <summary>The state of a 双随机 task or its pools does not allow the step now (reveal twice, outcome for a target not drawn, publish before every outcome).</summary>
public sealed class InspectionRuleException(string message) : Exception(message);
