using EvidenceVault.Domain.Ingestion;

namespace EvidenceVault.Hosting;

// The wire shapes are records, not anonymous objects, so the OpenAPI document can describe them; their PascalCase
// properties serialize (Web defaults) to the camelCase names the CLI and the API have always printed, in this order.

/// <summary>A recording as <see cref="RecordingDocument.Of"/> prints it.</summary>
public sealed record RecordingJson(
    string RecordingId,
    string Sha256,
    string? Sm3,
    long SizeBytes,
    string Kind,
    string Format,
    string Status,
    string Integrity,
    string? DeviceId,
    string? OfficerId,
    string? RecordedAt,
    string? RecordedAtSource,
    int? Mark,
    string SourcePath,
    string? DeclaredSha256,
    string? IngestedAt,
    string? StationClock,
    MediaJson Media,
    IReadOnlyList<ReasonJson> Reasons,
    string? DestroyedAt);

/// <summary>What the media probe found in a recording, and whether a browser can play it.</summary>
public sealed record MediaJson(
    string State,
    double? DurationSeconds,
    string? VideoCodec,
    string? AudioCodec,
    int? Width,
    int? Height,
    string? ContainerCreatedAt,
    bool? Playable,
    bool Thumbnail,
    bool Preview);

/// <summary>One reason code with its human message, as every document that carries reasons prints it.</summary>
public sealed record ReasonJson(string Code, string Message)
{
    public static ReasonJson Of(Reason reason) => new(reason.Code, reason.Message);
}
