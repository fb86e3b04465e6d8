using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.SpotChecks;

namespace EvidenceVault.Application.SpotChecks;

/// <summary>A review of a sampled recording (subject = the recording id): its findings and follow-up, under which draw and grant.</summary>
public sealed record SpotCheckReviewedDetails(string Draw, string? Grant, IReadOnlyList<ChecklistFinding> Findings, bool Passed, string? FollowUp) : ICustodyDetails
{
    public static string Action => CustodyActions.SpotCheckReviewed;
}
