using System.Text.Json.Serialization;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;

namespace EvidenceVault.Application.Ingestion;

/// <summary>Who recorded a recording, on which device and when, as the catalog row holds them.</summary>
public sealed record AttributedFacts(string? Device, string? Officer, DateTimeOffset? RecordedAt, string? RecordedAtSource, int? Mark)
{
    public static AttributedFacts Of(RecordingEntry r) => new(r.Device?.Value, r.Officer?.Value, r.RecordedAt, r.RecordedAtSource, r.Mark);
}

/// <summary>
/// A new recording stored, subject = its id: the source path, the hashes and size taken at collection, the reasons
/// noted, and (since custody covered them) the facts the row was given, so that <c>audit verify</c> finds them edited.
/// </summary>
public sealed record RecordingIngestedDetails(
    string Path,
    string Status,
    string Sha256,
    long Size,
    IReadOnlyList<string> Reasons,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Sm3,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AttributedFacts? Facts) : ICustodyDetails
{
    public static string Action => CustodyActions.Ingested;
}

/// <summary>
/// A recording quarantined: at ingest (the same details as <see cref="RecordingIngestedDetails"/>), or later when
/// media work found it unreadable (<see cref="Reason"/> and <see cref="Message"/> only).
/// </summary>
public sealed record RecordingQuarantinedDetails(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Path,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Sha256,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Size,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Reasons,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Sm3,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AttributedFacts? Facts,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message) : ICustodyDetails
{
    public static string Action => CustodyActions.Quarantined;

    public static RecordingQuarantinedDetails Unreadable(string reason, string message) => new(null, null, null, null, null, null, null, reason, message);
}

/// <summary>The same bytes met again (<see cref="Status"/> duplicate or already-ingested) under a source path.</summary>
public sealed record RecordingSightedDetails(string Path, string Status, string Sha256, long Size, IReadOnlyList<string> Reasons) : ICustodyDetails
{
    public static string Action => CustodyActions.SightedAgain;
}

/// <summary>One ingest run over a source, subject = its location, with what it found.</summary>
public sealed record IngestRunDetails(string Location, IngestSummary Summary) : ICustodyDetails
{
    public static string Action => CustodyActions.IngestRun;
}

/// <summary>A source file deleted from the device after its stored copy was verified.</summary>
public sealed record SourceWipedDetails(string Location, string Path, string Sha256) : ICustodyDetails
{
    public static string Action => CustodyActions.SourceWiped;
}
