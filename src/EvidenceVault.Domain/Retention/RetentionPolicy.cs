using EvidenceVault.Domain.Cases;

namespace EvidenceVault.Domain.Retention;

/// <summary>
/// Computes a recording's retention term from the rules, never from a typed date: a floor from the
/// recording time, category terms, the case file's term for case evidence (counted from the case's
/// closing), permanence for marked recordings. The longest applicable term wins, an open linked case
/// stops the clock, and a legal hold beats everything.
/// </summary>
public static class RetentionPolicy
{
    public static RetentionTerm Evaluate(RetentionInputs inputs, RetentionRules rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(rules);
        var term = Underlying(inputs, rules, now);
        return inputs.Holds.Count == 0
            ? term
            : term with
            {
                State = RetentionState.Held,
                UnderlyingState = term.State,
                Rule = $"legal-hold:{string.Join(",", inputs.Holds)}",
                Considered = [.. term.Considered, $"legal-hold: held by hold {string.Join(", ", inputs.Holds)}; beats every term"],
            };
    }

    private static RetentionTerm Underlying(RetentionInputs inputs, RetentionRules rules, DateTimeOffset now)
    {
        var permanent = new List<string>();
        var dated = new List<(DateTimeOffset End, string Rule)>();
        var considered = new List<string>();

        Add(rules.Floor, inputs.RecordedAt, "floor", $"floor: {rules.Floor} from recording");
        if (inputs.Category is { } category)
        {
            Add(rules.CategoryTerm(category), inputs.RecordedAt, $"category:{category}", $"category {category}: {rules.CategoryTerm(category)} from recording");
        }

        foreach (var mark in inputs.Marks.Where(RecordingMarks.MakesPermanent).Distinct().Order())
        {
            permanent.Add($"mark:{RecordingMarks.Name(mark)}");
            considered.Add($"mark {RecordingMarks.Name(mark)}: permanent");
        }

        var open = new List<CaseNumber>();
        foreach (var linked in inputs.Cases)
        {
            var fileTerm = rules.CaseFileTerms[linked.Type];
            if (linked.Status == CaseStatus.Open || linked.ClosedAt is null)
            {
                open.Add(linked.Number);
                considered.Add($"case {linked.Number} is open: the term waits for it to close");
            }

            if (fileTerm.IsPermanent || linked.ClosedAt is { } closed && linked.Status == CaseStatus.Closed)
            {
                Add(fileTerm, linked.ClosedAt ?? now, $"case-file:{linked.Number}", $"case {linked.Number} ({linked.Type}) file term: {fileTerm} from closing");
            }
        }

        if (permanent.Count > 0)
        {
            return new RetentionTerm(RetentionState.Permanent, null, permanent[0], considered);
        }

        if (open.Count > 0)
        {
            return new RetentionTerm(RetentionState.WaitingForCases, null, $"case-open:{string.Join(",", open)}", considered);
        }

        var longest = dated.MaxBy(d => d.End);
        return new RetentionTerm(longest.End <= now ? RetentionState.Expired : RetentionState.Running, longest.End, longest.Rule, considered);

        void Add(TermLength length, DateTimeOffset start, string rule, string description)
        {
            considered.Add(description);
            if (length.EndFrom(start) is { } end)
            {
                dated.Add((end, rule));
            }
            else
            {
                permanent.Add(rule);
            }
        }
    }
}
