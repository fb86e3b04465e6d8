using EvidenceVault.Application.Ingestion;
using EvidenceVault.Domain.Ingestion;

namespace EvidenceVault.Hosting.Documents;

/// <summary>The JSON shape of one ingested file, shared by the CLI and the HTTP API.</summary>
public static class IngestDocuments
{
    public static IngestItemJson Item(IngestItem i) => new(
        i.Path,
        StatusText.Of(i.Status),
        i.RecordingId?.Value,
        i.Sha256?.Hex,
        i.Sm3?.Hex,
        i.SizeBytes,
        i.Kind is { } k ? RecordingDocument.Kind(k) : null,
        i.Device?.Value,
        i.Officer?.Value,
        RecordingDocument.Time(i.RecordedAt),
        i.Mark,
        i.DurationSeconds,
        i.Playable,
        i.Wiped,
        [.. i.Reasons.Select(ReasonJson.Of)]);
}

/// <summary>One file of an ingest run: what became of it, and the recording it is (new or already stored).</summary>
public sealed record IngestItemJson(
    string Path,
    string Status,
    string? RecordingId,
    string? Sha256,
    string? Sm3,
    long SizeBytes,
    string? Kind,
    string? DeviceId,
    string? OfficerId,
    string? RecordedAt,
    int? Mark,
    double? DurationSeconds,
    bool? Playable,
    bool Wiped,
    IReadOnlyList<ReasonJson> Reasons);
