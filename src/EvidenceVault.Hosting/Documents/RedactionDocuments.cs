using EvidenceVault.Application.Redaction;

namespace EvidenceVault.Hosting.Documents;

/// <summary>A redacted copy with its lineage: the original's SHA-256, the spec's, the tool, and the copy's own digest.</summary>
public sealed record RedactionJson(
    string Redaction,
    string RecordingId,
    string SourceSha256,
    string SpecSha256,
    string Tool,
    string Sha256,
    long Length,
    string CreatedBy,
    string? CreatedAt);

/// <summary>The JSON shape of redacted copies, shared by the CLI and the HTTP API.</summary>
public static class RedactionDocuments
{
    public static RedactionJson Redaction(RecordingRedaction r) => new(
        r.Id.ToString(), r.Recording.Value, r.Source.Hex, r.SpecSha256.Hex, r.Tool, r.Copy.Sha256.Hex, r.Copy.Length, r.CreatedBy, RecordingDocument.Time(r.CreatedAt));
}
