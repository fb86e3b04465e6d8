using EvidenceVault.Application.Ingestion;
using EvidenceVault.Domain.Ingestion;

namespace EvidenceVault.Hosting.Documents;

/// <summary>The JSON shape of one ingested file, shared by the CLI and the HTTP API.</summary>
public static class IngestDocuments
{
    public static object Item(IngestItem i) => new
    {
        path = i.Path,
        status = StatusText.Of(i.Status),
        recordingId = i.RecordingId?.Value,
        sha256 = i.Sha256?.Hex,
        sm3 = i.Sm3?.Hex,
        sizeBytes = i.SizeBytes,
        kind = i.Kind is { } k ? RecordingDocument.Kind(k) : null,
        deviceId = i.Device?.Value,
        officerId = i.Officer?.Value,
        recordedAt = RecordingDocument.Time(i.RecordedAt),
        mark = i.Mark,
        durationSeconds = i.DurationSeconds,
        playable = i.Playable,
        wiped = i.Wiped,
        reasons = i.Reasons.Select(r => new { code = r.Code, message = r.Message }),
    };
}
