using System.Text.Json.Serialization;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;

namespace EvidenceVault.Application.Retrieval;

// Retrieval requests and their decisions (调阅), subject = the request number.

/// <summary>A request as made: everything the approver weighs, and the status it started in (own recordings need no approval).</summary>
public sealed record RetrievalRequestedDetails(
    string Requester,
    string? Case,
    IReadOnlyList<string> Recordings,
    string Purpose,
    DateTimeOffset From,
    DateTimeOffset Until,
    string? OutsideAgency,
    string Tier,
    string? Department,
    string Status) : ICustodyDetails
{
    public static string Action => CustodyActions.RetrievalRequested;

    /// <summary>Only on requests for redacted copies only; absent, the request is for the recordings themselves.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool RedactedOnly { get; init; }

    public static RetrievalRequestedDetails Of(RetrievalRequest r) => new(
        r.Requester.Value,
        r.Case?.Value,
        [.. r.Recordings.Select(id => id.Value)],
        r.Purpose,
        r.Period.From,
        r.Period.Until,
        r.OutsideAgency,
        r.Tier.Kind.ToString(),
        r.Tier.Department,
        r.Status.ToString().ToLowerInvariant())
    {
        RedactedOnly = r.RedactedOnly,
    };
}

public sealed record RetrievalApprovedDetails(string Approver, string? Reason, string Tier, string? Department) : ICustodyDetails
{
    public static string Action => CustodyActions.RetrievalApproved;
}

public sealed record RetrievalRejectedDetails(string Approver, string? Reason) : ICustodyDetails
{
    public static string Action => CustodyActions.RetrievalRejected;
}

public sealed record RetrievalRevokedDetails(string By, string? Reason) : ICustodyDetails
{
    public static string Action => CustodyActions.RetrievalRevoked;
}
