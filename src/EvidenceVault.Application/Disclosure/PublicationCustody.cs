using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Disclosure;

namespace EvidenceVault.Application.Disclosure;

// The publication workflow's custody details, subject = the case number, so the case's trail shows every step.

public sealed record PublicationDraftedDetails(long Publication, string DocumentNumber, int MaskedSpans, int Suspects) : ICustodyDetails
{
    public static string Action => CustodyActions.PublicationDrafted;
}

public sealed record PublicationRefusedDetails(string Code, string Reason) : ICustodyDetails
{
    public static string Action => CustodyActions.PublicationRefused;
}

public sealed record PublicationRedactedDetails(long Publication, IReadOnlyList<string> Redactions) : ICustodyDetails
{
    public static string Action => CustodyActions.PublicationRedacted;
}

public sealed record PublicationApprovedDetails(long Publication, string Drafter, DateTimeOffset PublishedAt, DateTimeOffset DisplayUntil) : ICustodyDetails
{
    public static string Action => CustodyActions.PublicationApproved;
}

public sealed record PublicationWithdrawnDetails(long Publication, WithdrawalKind Kind, string Reason) : ICustodyDetails
{
    public static string Action => CustodyActions.PublicationWithdrawn;
}

public sealed record PublicationEndedDetails(long Publication, DateTimeOffset DisplayUntil) : ICustodyDetails
{
    public static string Action => CustodyActions.PublicationEnded;
}
