using System.Text.Json.Serialization;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Ingestion;

namespace EvidenceVault.Application.Media;

/// <summary>
/// Media work done: the kind and duration found, which derivatives exist, and the facts afterwards (the container's
/// creation time can replace a file-system time), so that <c>audit verify</c> can compare the row with them.
/// </summary>
public sealed record MediaProcessedDetails(
    string Kind,
    double? Duration,
    bool Proxy,
    bool Thumbnail,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AttributedFacts? Facts) : ICustodyDetails
{
    public static string Action => CustodyActions.MediaProcessed;
}

/// <summary>Media work gave up after its last retry.</summary>
public sealed record MediaFailedDetails(string Error) : ICustodyDetails
{
    public static string Action => CustodyActions.MediaFailed;
}
