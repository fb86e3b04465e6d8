using System.Text.Json.Serialization;
using EvidenceVault.Application.Custody;

namespace EvidenceVault.Application.Recordings;

/// <summary>A recording's metadata shown, under the grant that allowed it when it was not the actor's own.</summary>
public sealed record RecordingViewedDetails([property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Grant) : ICustodyDetails
{
    public static string Action => CustodyActions.Viewed;
}

/// <summary>A marker at <see cref="AtSeconds"/> of the recording's media time, with its note and the grant it was made under.</summary>
public sealed record MarkerAddedDetails(double AtSeconds, string Note, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Grant) : ICustodyDetails
{
    public static string Action => CustodyActions.MarkerAdded;
}

/// <summary>
/// An original or derivative handed out (<see cref="Target"/>), with the SHA-256 of the bytes written; a streamed
/// download also says when those bytes were last hashed (<see cref="VerifiedAt"/>: now, or a moment ago for a seek).
/// </summary>
public sealed record RecordingRetrievedDetails(string Target, string Sha256, long Length, string? Grant) : ICustodyDetails
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? VerifiedAt { get; init; }

    /// <summary>The redacted copy handed out, when <see cref="Target"/> is <c>redaction</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Redaction { get; init; }

    public static string Action => CustodyActions.Retrieved;
}

/// <summary>
/// Stored bytes that no longer match: found by <c>verify</c> or a scan (<see cref="State"/> changed or missing, and
/// <see cref="DetectedBy"/>), or on the way out (the hash read, or the vault's <see cref="Problem"/>). A failure of a
/// proxy or thumbnail names it in <see cref="Derivative"/>; <see cref="Expected"/> is then the derivative's recorded SHA-256.
/// </summary>
public sealed record IntegrityFailureDetails(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? State,
    string Expected,
    string? Actual,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DetectedBy,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Problem) : ICustodyDetails
{
    public static string Action => CustodyActions.IntegrityFailure;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Derivative { get; init; }

    /// <summary>The entry for a failed check, as <c>verify</c>, the scan, the export and retrieval write it.</summary>
    public static IntegrityFailureDetails Of(FixityResult result, string? detectedBy) =>
        new(result.State.ToString().ToLowerInvariant(), result.Expected?.Hex ?? string.Empty, result.Actual, detectedBy, null)
        {
            Derivative = result.Derivative is null && result.Redaction is null ? null : result.Target,
        };
}

/// <summary>A whole-vault <c>verify</c>, subject = the vault; derivatives (proxies, thumbnails) are counted apart.</summary>
public sealed record VaultVerifiedDetails(int CheckedCount, int Failures) : ICustodyDetails
{
    public static string Action => CustodyActions.Verified;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? DerivativesChecked { get; init; }
}
