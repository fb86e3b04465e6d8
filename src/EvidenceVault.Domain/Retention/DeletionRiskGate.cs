namespace EvidenceVault.Domain.Retention;

/// <summary>Why an expired recording's deletion deserves a second look.</summary>
public sealed record RiskFlag(string Code, string Explanation);

/// <summary>
/// The pre-deletion risk gate. Blocked items (held, permanent, an open case, not yet expired) are never
/// proposed; flagged items (complaints, open appeal windows, recent case activity, a recently shortened term) may be proposed but
/// each approver must acknowledge the risk with a reason.
/// </summary>
public static class DeletionRiskGate
{
    /// <summary>How long a recording whose term a change shortened stays flagged.</summary>
    public static readonly TimeSpan ShortenedTermWindow = TimeSpan.FromDays(60);

    /// <summary>Null when the term allows a proposal; otherwise why it is blocked.</summary>
    public static string? Blocker(RetentionTerm term) => term.State switch
    {
        RetentionState.Expired => null,
        RetentionState.Held => $"on legal hold ({term.Rule})",
        RetentionState.Permanent => $"kept permanently ({term.Rule})",
        RetentionState.WaitingForCases => $"linked to an open case ({term.Rule})",
        _ => $"the term runs until {term.ExpiresAt:yyyy-MM-dd} ({term.Rule})",
    };

    public static IReadOnlyList<RiskFlag> Flags(RetentionInputs inputs, RetentionRules rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(rules);
        var flags = new List<RiskFlag>();
        if (inputs.Marks.Contains(RecordingMark.Complaint))
        {
            flags.Add(new RiskFlag("complaint", "a complaint concerns this recording"));
        }

        if (inputs.TermShortenedAt is { } shortened && shortened > now - ShortenedTermWindow)
        {
            flags.Add(new RiskFlag("term-shortened", $"a change on {shortened:yyyy-MM-dd} shortened its retention term (within {ShortenedTermWindow.TotalDays:0} days)"));
        }

        foreach (var linked in inputs.Cases)
        {
            if (linked.DecisionDate is { } decided)
            {
                var decidedAt = new DateTimeOffset(decided.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                Window(rules.ReconsiderationWindow, decidedAt, "reconsideration-window", $"case {linked.Number}: the reconsideration window ({rules.ReconsiderationWindow}) after the decision of {decided:yyyy-MM-dd} is open");
                Window(rules.LitigationWindow, decidedAt, "litigation-window", $"case {linked.Number}: the litigation window ({rules.LitigationWindow}) after the decision of {decided:yyyy-MM-dd} is open");
            }

            if (linked.LastActivityEnd is { } last)
            {
                Window(rules.RecentCaseActivity, last, "recent-case-activity", $"case {linked.Number} had activity on {last:yyyy-MM-dd}, within {rules.RecentCaseActivity}");
            }
        }

        return flags;

        void Window(TermLength length, DateTimeOffset start, string code, string explanation)
        {
            if (length.EndFrom(start) is not { } end || end > now)
            {
                flags.Add(new RiskFlag(code, explanation));
            }
        }
    }
}
