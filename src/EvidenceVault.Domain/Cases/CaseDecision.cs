namespace EvidenceVault.Domain.Cases;

/// <summary>The legal-review office's opinion on a major decision (法制审核), recorded before the decision.</summary>
public sealed record LegalReview(CaseNumber Case, string Reviewer, string Opinion, DateOnly Date);

/// <summary>A case decision: its date, conclusion and whether it is on the agency's catalogue of major decisions.</summary>
public sealed record CaseDecision(CaseNumber Case, DateOnly Date, string Conclusion, bool IsMajor, DateOnly? RevokedOn)
{
    /// <summary>When the decision was published (公示), if it was.</summary>
    public DateOnly? PublishedOn { get; init; }

    /// <summary>When a revoked decision was taken down, if it was.</summary>
    public DateOnly? TakenDownOn { get; init; }
}

/// <summary>Steps of the disclosure of a decision that are recorded with a date.</summary>
public enum DisclosureStep
{
    Published,
    Revoked,
    TakenDown,
}

/// <summary>The legal-review system (重大执法决定法制审核制度) as a rule.</summary>
public static class DecisionRules
{
    /// <summary>Throws unless a major decision has a legal review dated on or before the decision date.</summary>
    public static void EnsureMayDecide(CaseNumber number, bool isMajor, DateOnly decisionDate, LegalReview? review)
    {
        if (!isMajor)
        {
            return;
        }

        if (review is null)
        {
            throw new LegalReviewRequiredException(
                $"Case {number}: a major decision cannot be recorded before the legal-review office has reviewed it (record the review first: cases review {number} --reviewer ... --opinion ...).");
        }

        if (review.Date > decisionDate)
        {
            throw new LegalReviewRequiredException(
                $"Case {number}: the legal review is dated {review.Date:yyyy-MM-dd}, after the decision date {decisionDate:yyyy-MM-dd}; a major decision must be reviewed first.");
        }
    }
}

/// <summary>A major decision was attempted without a prior legal review.</summary>
public sealed class LegalReviewRequiredException(string message) : Exception(message);
