namespace EvidenceVault.Application.Uploads;

/// <summary>The limits of the network upload endpoint; every one answers with its own problem (413, 503, 507...).</summary>
public sealed record UploadLimits
{
    /// <summary>Largest upload accepted (default 16 GiB: a long 1080p recording is a few GiB).</summary>
    public long MaxBytes { get; init; } = 16L << 30;

    /// <summary>Unfinished uploads (and the record of finished ones) are removed this long after creation.</summary>
    public TimeSpan Expiry { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Transfers (PATCH requests) running at once; one more gets 503 with <see cref="RetryAfter"/>.</summary>
    public int MaxConcurrentTransfers { get; init; } = 16;

    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Completions (whole-file check and ingest into the vault) running at once; the rest wait their turn. Two keep the
    /// disk busy while one of them hashes, without making every completion slower.
    /// </summary>
    public int MaxConcurrentCompletions { get; init; } = 2;

    /// <summary>Free space that must remain after an upload: staging, the vault and the catalog need room too.</summary>
    public long ReservedFreeBytes { get; init; } = 1L << 30;

    /// <summary>Unfinished uploads one user (or station key) may have open at once.</summary>
    public int MaxOpenUploadsPerUser { get; init; } = 32;

    /// <summary>Bytes one user's unfinished uploads may still be owed (declared minus received).</summary>
    public long MaxPendingBytesPerUser { get; init; } = 64L << 30;

    /// <summary>
    /// Received bytes the local upload store may acknowledge before it flushes them to disk (default 64 MiB; the last byte
    /// and a broken-off transfer are always flushed). After a machine crash a client sends at most this much again.
    /// </summary>
    public long CheckpointBytes { get; init; } = 64L << 20;
}
