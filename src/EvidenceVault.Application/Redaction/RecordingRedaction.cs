using EvidenceVault.Application.Catalog;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Redaction;

namespace EvidenceVault.Application.Redaction;

/// <summary>
/// A redacted copy and its lineage: the original it was made from (by its SHA-256), the spec as submitted and its SHA-256,
/// the ffmpeg that made it, and the copy's own digest, which every way out compares the stored bytes with.
/// </summary>
public sealed record RecordingRedaction(
    RedactionId Id,
    RecordingId Recording,
    Sha256Digest Source,
    string Spec,
    Sha256Digest SpecSha256,
    string Tool,
    DerivativeDigest Copy,
    string CreatedBy,
    DateTimeOffset CreatedAt);
