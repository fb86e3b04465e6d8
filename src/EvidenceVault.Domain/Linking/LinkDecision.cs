using EvidenceVault.Domain.Cases;

namespace EvidenceVault.Domain.Linking;

/// <summary>Why an activity was suggested rather than linked.</summary>
public enum SuggestionKind
{
    /// <summary>The recording matched this activity and at least one other: a person must choose.</summary>
    Ambiguous,

    /// <summary>The right officer, but outside the margins (within the near-miss slack).</summary>
    NearMissTime,

    /// <summary>No officer known for the recording, but its device belongs to an officer of the activity around that time.</summary>
    DeviceOnly,
}

/// <summary>An activity a person should look at, with a reason they can read.</summary>
public sealed record LinkSuggestion(CaseActivity Activity, SuggestionKind Kind, string Reason);

/// <summary>
/// The outcome for one recording: linked to exactly one activity, suggestions for a person to decide,
/// or unfiled. Only a single clear match links; ties never link silently.
/// </summary>
public abstract record LinkDecision(string Reason)
{
    /// <summary>Exactly one activity matched by officer and time.</summary>
    public sealed record Linked(CaseActivity Activity, string Reason) : LinkDecision(Reason);

    /// <summary>No automatic link; each suggestion says why it is offered.</summary>
    public sealed record Suggested(IReadOnlyList<LinkSuggestion> Suggestions, string Reason) : LinkDecision(Reason);

    /// <summary>Nothing matched or came close.</summary>
    public sealed record Unfiled(string Reason) : LinkDecision(Reason);
}
