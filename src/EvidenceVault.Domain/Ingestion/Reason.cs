namespace EvidenceVault.Domain.Ingestion;

/// <summary>A specific, machine-readable reason with a readable message.</summary>
public sealed record Reason(string Code, string Message);

/// <summary>The reason codes EvidenceVault reports; stable, part of the public contract.</summary>
public static class ReasonCodes
{
    public const string EmptyFile = "empty-file";
    public const string UnreadableMedia = "unreadable-media";
    public const string ContentTypeMismatch = "content-type-mismatch";
    public const string SidecarHashMismatch = "sidecar-hash-mismatch";
    public const string SidecarMalformed = "sidecar-malformed";
    public const string SourceUnreadable = "source-unreadable";

    /// <summary>The staging copy could not be written (disk full, read-only staging): nothing is wrong with the source.</summary>
    public const string StagingWriteFailed = "staging-write-failed";
    public const string FileStillGrowing = "file-still-growing";
    public const string SourceChanged = "source-changed";
    public const string NotARegularFile = "not-a-regular-file";
    public const string UnsafeName = "unsafe-name";
    public const string NameTooLong = "name-too-long";
    public const string SymlinkNotFollowed = "symlink-not-followed";
    public const string SystemClutter = "system-clutter";
    public const string Sidecar = "sidecar";

    /// <summary>A file the docking station reads itself (the recorder's clock file): not evidence, so neither stored nor wiped.</summary>
    public const string StationFile = "station-file";
    public const string VaultWriteFailed = "vault-write-failed";
    public const string MediaProcessingFailed = "media-processing-failed";
    public const string TimeFromFileSystem = "time-from-file-system";
    public const string WipeFailed = "wipe-failed";
    public const string LateUpload = "late-upload";

    /// <summary>A docking station refused USB storage that is not a registered recorder; nothing was read from it.</summary>
    public const string UnregisteredDevice = "unregistered-device";

    /// <summary>A recorder was unplugged while its bay worked; what was secured stays, the rest is collected at the next docking.</summary>
    public const string DeviceRemoved = "device-removed";

    /// <summary>A bay's run ended on an error of its own (vault, catalog, an unreadable device); the message says which.</summary>
    public const string DockFailed = "dock-failed";

    /// <summary>The name names another officer than the device binding at the recording time; the binding's officer is kept.</summary>
    public const string NameOfficerMismatch = "name-officer-mismatch";

    /// <summary>An upload's name or metadata names another officer or device than the uploader's; it is attributed to the uploader.</summary>
    public const string ProvenanceMismatch = "provenance-mismatch";
}
