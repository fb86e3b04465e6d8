using System.Text.Json.Serialization;
using EvidenceVault.Application.Custody;

namespace EvidenceVault.Application.Recordings;

/// <summary>A recording's metadata shown, under the grant that allowed it when it was not the actor's own.</summary>
public sealed record RecordingViewedDetails([property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Grant) : ICustodyDetails
{
    public static string Action => CustodyActions.Viewed;
}

/// <summary>An original or derivative handed out (<see cref="Target"/>), with the SHA-256 of the bytes written.</summary>
public sealed record RecordingRetrievedDetails(string Target, string Sha256, long Length, string? Grant) : ICustodyDetails
{
    public static string Action => CustodyActions.Retrieved;
}

/// <summary>
/// Stored bytes that no longer match: found by <c>verify</c> or a scan (<see cref="State"/> changed or missing, and
/// <see cref="DetectedBy"/>), or on the way out (the hash read, or the vault's <see cref="Problem"/>).
/// </summary>
public sealed record IntegrityFailureDetails(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? State,
    string Expected,
    string? Actual,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DetectedBy,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Problem) : ICustodyDetails
{
    public static string Action => CustodyActions.IntegrityFailure;
}

/// <summary>A whole-vault <c>verify</c>, subject = the vault.</summary>
public sealed record VaultVerifiedDetails(int CheckedCount, int Failures) : ICustodyDetails
{
    public static string Action => CustodyActions.Verified;
}
