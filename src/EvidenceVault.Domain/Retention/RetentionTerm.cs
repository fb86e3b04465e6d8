namespace EvidenceVault.Domain.Retention;

/// <summary>Where a recording's retention stands.</summary>
public enum RetentionState
{
    /// <summary>A legal hold covers it: nothing expires.</summary>
    Held,

    /// <summary>Kept for ever.</summary>
    Permanent,

    /// <summary>Linked to a case that is still open: the term has not started counting down.</summary>
    WaitingForCases,

    /// <summary>Counting down to <see cref="RetentionTerm.ExpiresAt"/>.</summary>
    Running,

    /// <summary>The term has ended: the recording may be proposed for deletion.</summary>
    Expired,
}

/// <summary>
/// A recording's computed term: its state, when it ends, the rule that set it (the longest applicable
/// term wins) and every rule that was considered, so the plan can say why.
/// </summary>
public sealed record RetentionTerm(RetentionState State, DateTimeOffset? ExpiresAt, string Rule, IReadOnlyList<string> Considered)
{
    /// <summary>The state before any legal hold: what the recording returns to when every hold is released.</summary>
    public RetentionState UnderlyingState { get; init; } = State;

    /// <summary>True when only the dated term keeps the recording: no hold, no permanence, no open case.</summary>
    public bool IsDated => State is RetentionState.Running or RetentionState.Expired;

    /// <summary>
    /// True when <paramref name="after"/> would let the recording go sooner than this term: a hold or a permanent term
    /// lost, a term waiting for an open case becoming one that has already run out, or a dated term ending earlier.
    /// </summary>
    public bool IsShortenedBy(RetentionTerm after)
    {
        ArgumentNullException.ThrowIfNull(after);
        return State switch
        {
            RetentionState.Held => after.State != RetentionState.Held,
            RetentionState.Permanent => after.State is not (RetentionState.Held or RetentionState.Permanent),
            RetentionState.WaitingForCases => after.State == RetentionState.Expired,
            _ => after.IsDated && after.ExpiresAt < ExpiresAt,
        };
    }

    /// <summary>The term as one phrase: "permanent (rule)", "until 2031-01-01 (rule)".</summary>
    public string Describe() => IsDated ? $"until {ExpiresAt:yyyy-MM-dd} ({Rule})" : $"{State.ToString().ToLowerInvariant()} ({Rule})";
}
