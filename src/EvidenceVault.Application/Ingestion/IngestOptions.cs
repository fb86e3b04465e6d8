using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Ingestion;

/// <summary>How one ingest run treats its source.</summary>
public sealed record IngestOptions(
    DeviceId? Device = null,
    OfficerId? Officer = null,
    bool DeferMedia = false,
    bool ComputeSm3 = false,
    bool WipeAfterVerify = false)
{
    /// <summary>Recordings docked later than this after they were made are flagged late (default 24 hours).</summary>
    public TimeSpan LateUploadAfter { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Set for an officer's own upload: <see cref="Device"/> and <see cref="Officer"/> are then only the uploader's claims.</summary>
    public UploaderAttribution? Uploader { get; init; }

    /// <summary>Relative paths the docking station reads itself (its clock file): listed as ignored, never stored or wiped.</summary>
    public IReadOnlyCollection<string> StationFiles { get; init; } = [];
}

/// <summary>Progress of a run, for a progress bar.</summary>
public sealed record IngestProgress(int FilesDone, int FilesTotal, long BytesDone, long BytesTotal, string? CurrentPath);
