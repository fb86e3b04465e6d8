namespace EvidenceVault.Domain.Ingestion;

/// <summary>The outcome for one source file.</summary>
public enum IngestStatus
{
    /// <summary>New bytes, now secured in the vault.</summary>
    Stored,

    /// <summary>The same bytes were already in the vault under another source file.</summary>
    Duplicate,

    /// <summary>This very source file was ingested before.</summary>
    AlreadyIngested,

    /// <summary>Bytes kept in the vault, but something is wrong and a person must review it.</summary>
    Quarantined,

    /// <summary>Nothing to keep (for example an empty file).</summary>
    Rejected,

    /// <summary>System clutter that is not evidence.</summary>
    Ignored,

    /// <summary>The file could not be read or stored; nothing was secured and the source is untouched.</summary>
    Failed,
}
