namespace EvidenceVault.Api.Endpoints;

// The JSON bodies the endpoints accept. Fields are nullable so a missing one is named by Required, not by a 500.
internal sealed record CreateCaseRequest(string? Number, string? Type, string? Party, string? Title, IReadOnlyList<string>? Officers);

internal sealed record ActivityRequest(string? Stage, string? ActivityType, IReadOnlyList<string>? Officers, string? Place, DateTimeOffset? Start, DateTimeOffset? End);

internal sealed record AttachRequest(string? Recording, string? Stage, string? Reason, string? DocumentType, long? ActivityId = null);

internal sealed record DecisionRequest(DateOnly? Date, string? Conclusion, bool IsMajor);

internal sealed record LegalReviewRequest(string? Reviewer, string? Opinion, DateOnly? Date);

internal sealed record RevocationRequest(DateOnly? Date);

internal sealed record ReasonRequest(string? Reason);

internal sealed record ApprovalRequest(string? Reason, bool AcknowledgeRisk);

internal sealed record MarkRequest(string? Mark, string? Case, string? Reason);

internal sealed record CategoryRequest(string? Category, string? Reason);

internal sealed record HoldRequest(string? Recording, string? Case, string? Reason, string? Authority);

internal sealed record RetrievalRequestBody(string? Case, IReadOnlyList<string>? Recordings, string? Purpose, DateOnly? From, DateOnly? Until, string? OutsideAgency, bool RedactedOnly = false);

/// <summary>Names the first missing field of a request body as a 400 problem.</summary>
internal static class Required
{
    public static T Field<T>(T? value, string name)
        where T : class =>
        value is string text && string.IsNullOrWhiteSpace(text) || value is null
            ? throw new FormatException($"The request body needs '{name}'.")
            : value;

    public static T Field<T>(T? value, string name)
        where T : struct =>
        value ?? throw new FormatException($"The request body needs '{name}'.");

    public static T Body<T>(T? body)
        where T : class =>
        body ?? throw new FormatException("The request needs a JSON body.");
}

internal sealed record PublicationDraftRequest(
    string? Case,
    string? DocumentNumber,
    string? Agency,
    bool NaturalPerson,
    string? PartyId,
    bool Minor,
    string? Confidentiality,
    string? Facts,
    string? Basis,
    IReadOnlyList<string>? OtherPersons,
    IReadOnlyList<string>? Addresses);

internal sealed record PublicationRedactRequest(IReadOnlyList<string>? Texts);

internal sealed record PublicationWithdrawRequest(string? Kind, string? Reason);

internal sealed record DrawCandidateRequest(string? Id, string? Stratum);

internal sealed record DrawCommitRequest(string? Kind, string? Title, IReadOnlyList<DrawCandidateRequest>? Candidates, string? SeedSource, IReadOnlyList<string>? Quota, DateTimeOffset? SeedDueAt);

internal sealed record DrawRevealRequest(string? Seed);

internal sealed record SpotCheckCommitRequest(string? Title, DateOnly? From, DateOnly? Until, string? By, int? PerStratum, string? SeedSource, DateTimeOffset? SeedDueAt);

internal sealed record ChecklistFindingRequest(string? Item, bool? Met, string? Note);

internal sealed record SpotCheckReviewRequest(string? Recording, IReadOnlyList<ChecklistFindingRequest>? Findings, string? FollowUp);
