using EvidenceVault.Domain.Requests;

namespace EvidenceVault.Application.Requests;

/// <summary>A submission with problems: every one, per field, in the words the form shows.</summary>
public sealed class InformationRequestInvalidException(IReadOnlyList<FieldProblem> problems) : Exception(string.Join(" ", problems.Select(p => p.Message)))
{
    public IReadOnlyList<FieldProblem> Problems { get; } = problems;
}

/// <summary>A step the request's state does not allow now (a second completion notice, a second extension, a late extension...).</summary>
public sealed class InformationRequestRuleException(string message) : Exception(message);
