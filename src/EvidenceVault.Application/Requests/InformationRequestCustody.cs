using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Requests;

namespace EvidenceVault.Application.Requests;

// Information requests (依申请公开), subject = the reference (YSQ-n).

/// <summary>
/// A request as received. The applicant's data and what they asked are not in the entry, only the SHA-256 of all of it together:
/// the ledger is append-only, hash-chained and exported with packages, so personal data written there could never be corrected
/// or erased (个人信息保护法 art. 47), yet the digest still proves the stored request was not altered afterwards. It covers the
/// free-text description too, so a guessed name and phone number alone cannot be tested against it.
/// </summary>
public sealed record InformationRequestReceivedDetails(string ContentSha256, string Form, DateOnly ReceivedOn, string Channel) : ICustodyDetails
{
    public static string Action => CustodyActions.InformationRequestReceived;

    public static InformationRequestReceivedDetails Of(InformationRequest r, string channel) =>
        new(ContentDigest(r), r.Form.ToString().ToLowerInvariant(), r.ReceivedOn, channel);

    /// <summary>SHA-256 over the request's content as one canonical JSON document (fixed field order).</summary>
    public static string ContentDigest(InformationRequest r) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(
        new object?[] { r.Applicant.Name, r.Applicant.IdType, r.Applicant.IdNumber, r.Applicant.Phone, r.Applicant.Email, r.Applicant.Address, r.Description, r.Purpose, r.Form.ToString(), r.ReceivedAt }))));
}

/// <summary>Someone opened the request, applicant's data included.</summary>
public sealed record InformationRequestViewedDetails(string Status) : ICustodyDetails
{
    public static string Action => CustodyActions.InformationRequestViewed;
}

/// <summary>The one notice to complete the request (art. 30); the text is the agency's, naming what is missing.</summary>
public sealed record InformationRequestCompletionNoticedDetails(DateOnly On, string Missing) : ICustodyDetails
{
    public static string Action => CustodyActions.InformationRequestCompletionNoticed;
}

/// <summary>The completed request arrived; its reply clock starts on <paramref name="On"/>.</summary>
public sealed record InformationRequestCompletedDetails(DateOnly On, string? Note) : ICustodyDetails
{
    public static string Action => CustodyActions.InformationRequestCompleted;
}

public sealed record InformationRequestExtendedDetails(DateOnly On, string Approver, string Reason, DateOnly Due) : ICustodyDetails
{
    public static string Action => CustodyActions.InformationRequestExtended;
}

public sealed record InformationRequestAnsweredDetails(DateOnly On, string Outcome, string Ground) : ICustodyDetails
{
    public static string Action => CustodyActions.InformationRequestAnswered;
}
