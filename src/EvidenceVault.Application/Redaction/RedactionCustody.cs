using System.Text.Json.Serialization;
using EvidenceVault.Application.Custody;

namespace EvidenceVault.Application.Redaction;

/// <summary>
/// A redacted copy made, logged against the recording: its number, the lineage (source SHA-256, the spec's SHA-256, the
/// ffmpeg version) and the copy's digest and length as stored; the spec text itself is kept with the copy's row.
/// </summary>
public sealed record RecordingRedactedDetails(string Redaction, string SourceSha256, string SpecSha256, string Tool, string Sha256, long Length) : ICustodyDetails
{
    public static string Action => CustodyActions.Redacted;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Grant { get; init; }
}
