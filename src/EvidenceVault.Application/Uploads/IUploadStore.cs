using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Uploads;

namespace EvidenceVault.Application.Uploads;

/// <summary>
/// Where resumable uploads collect their bytes until they are complete. Capability-shaped like tusdotnet's
/// stores (create, append at an offset, read the offset, complete, delete, list expired), and shaped so a block
/// store fits: an Azure adapter stages each appended chunk as a block (block id = the chunk's offset, its SHA-256
/// checked while streaming; a refused or interrupted-with-checksum chunk is simply never put in the block list),
/// keeps the committed block list as the durable offset, and commits the list in <see cref="CompleteAsync"/>.
/// </summary>
public interface IUploadStore
{
    Task<UploadState> CreateAsync(NewUpload upload, CancellationToken cancellationToken);

    /// <summary>The upload as durably recorded, or null when there is no such upload.</summary>
    Task<UploadState?> FindAsync(UploadId id, CancellationToken cancellationToken);

    /// <summary>
    /// Appends a chunk at <paramref name="offset"/> (which must be the recorded offset). Bytes count only once
    /// they are on stable storage: the recorded offset moves after the flush, never before. When the chunk stream
    /// breaks off (client gone), what arrived is kept, unless a checksum was given: an unverifiable chunk is
    /// dropped whole, as is one whose SHA-256 differs (<see cref="ChunkChecksumMismatchException"/>).
    /// </summary>
    Task<AppendResult> AppendAsync(UploadId id, long offset, Stream chunk, byte[]? chunkSha256, CancellationToken cancellationToken);

    /// <summary>Reads the bytes received so far, from the start.</summary>
    Task<Stream> OpenReadAsync(UploadId id, CancellationToken cancellationToken);

    /// <summary>
    /// Seals a complete upload (a block store commits its block list here) and hands its bytes over as a staged object
    /// the vault can adopt where they lie (no local copy): its digest is the declared one, which completion checks
    /// against the digest taken as the bytes arrived before the vault sees them. Calling it again is harmless.
    /// </summary>
    Task<IStagedObject> CompleteAsync(UploadId id, CancellationToken cancellationToken);

    /// <summary>Records how the upload ended; the received bytes are released unless <paramref name="keepBytes"/>.</summary>
    Task RecordOutcomeAsync(UploadId id, UploadOutcome outcome, bool keepBytes, CancellationToken cancellationToken);

    Task DeleteAsync(UploadId id, CancellationToken cancellationToken);

    /// <summary>Uploads whose expiry has passed at <paramref name="now"/>, and leftovers of creations a crash interrupted.</summary>
    Task<IReadOnlyList<UploadId>> ListExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>How many more bytes the store can take (local: free space on its disk).</summary>
    long AvailableBytes();

    /// <summary>Uploads still receiving bytes (no outcome yet): what their declared lengths still reserve.</summary>
    Task<IReadOnlyList<UploadState>> ListOpenAsync(CancellationToken cancellationToken);
}

/// <summary>What a client declared when it created an upload.</summary>
public sealed record NewUpload
{
    public required UploadId Id { get; init; }

    public required long Length { get; init; }

    /// <summary>The client's file name, as text only (custody, audit); never a path.</summary>
    public required string ClientName { get; init; }

    /// <summary>The one-segment name the file is kept and ingested under.</summary>
    public required string SafeName { get; init; }

    public required Sha256Digest DeclaredSha256 { get; init; }

    public DeviceId? Device { get; init; }

    public OfficerId? Officer { get; init; }

    /// <summary>When set, the file is filed to this case at <see cref="Stage"/> as it is ingested (like <c>evidencevault add</c>).</summary>
    public CaseNumber? Case { get; init; }

    public ProcedureStage? Stage { get; init; }

    public string? DocumentType { get; init; }

    /// <summary>The actor who created it; only they may continue, query or end it.</summary>
    public required string Owner { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }
}

/// <summary>An upload as recorded: what was declared, how many bytes are durably kept, and how it ended.</summary>
public sealed record UploadState(NewUpload Upload, long Offset, UploadOutcome? Outcome)
{
    public UploadId Id => Upload.Id;

    public bool IsComplete => Offset == Upload.Length;
}

/// <summary>How a complete upload ended: an ingest status (stored, duplicate, ...) with its recording, or refused.</summary>
public sealed record UploadOutcome(string Status, string? RecordingId, string? Reason)
{
    public const string Refused = "refused";
}

/// <summary>The offset after an append, and whether the chunk broke off before its end.</summary>
public sealed record AppendResult(long Offset, bool Interrupted);
