using System.Text.Json.Serialization;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Ingestion;
using EvidenceVault.Application.Vault;

namespace EvidenceVault.Application.Media;

/// <summary>
/// Media work done: the kind and duration found, which derivatives exist (with the SHA-256 of each as stored), and the
/// facts afterwards (the container's creation time can replace a file-system time), so that <c>audit verify</c> can
/// compare the row with them. Entries from before derivative digests were kept have none.
/// </summary>
public sealed record MediaProcessedDetails(
    string Kind,
    double? Duration,
    bool Proxy,
    bool Thumbnail,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AttributedFacts? Facts) : ICustodyDetails
{
    public static string Action => CustodyActions.MediaProcessed;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ProxySha256 { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ThumbnailSha256 { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SpriteSha256 { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SpriteCuesSha256 { get; init; }

    /// <summary>The digest this entry recorded for a derivative (null: none made, or an entry from before it was kept).</summary>
    public string? Sha256Of(DerivativeKind kind) => kind switch
    {
        DerivativeKind.Proxy => ProxySha256,
        DerivativeKind.Thumbnail => ThumbnailSha256,
        DerivativeKind.Sprite => SpriteSha256,
        _ => SpriteCuesSha256,
    };
}

/// <summary>
/// A derivative made again from the verified original (after it was found changed, missing or unrecorded): the
/// digest it replaced, if any, and the new one.
/// </summary>
public sealed record DerivativeRegeneratedDetails(string Derivative, string? Previous, string? Found, string Sha256, long Length, string Reason) : ICustodyDetails
{
    public static string Action => CustodyActions.DerivativeRegenerated;
}

/// <summary>Media work gave up after its last retry.</summary>
public sealed record MediaFailedDetails(string Error) : ICustodyDetails
{
    public static string Action => CustodyActions.MediaFailed;
}
