namespace EvidenceVault.Storage.Azure;

/// <summary>Which transfer checksum the blob client sends and checks per request.</summary>
public enum AzureChecksumAlgorithm
{
    /// <summary>Per-block MD5; the only one Azurite understands (ranges up to 4 MiB).</summary>
    Md5,

    /// <summary>The SDK's choice (CRC64 structured messages on real Azure; Azurite rejects them).</summary>
    Auto,

    /// <summary>No transfer checksum; the SHA-256 checks on read still apply.</summary>
    None,
}

/// <summary>
/// Settings of the Azure Blob vault. A class rather than a record on purpose: a record's generated
/// ToString would print the connection string, and with it the account key, into logs.
/// </summary>
public sealed class AzureVaultOptions
{
    public const int MaxMd5TransferSize = 4 * 1024 * 1024;

    public required string ConnectionString { get; init; }

    public string Container { get; init; } = "evidence";

    public AzureChecksumAlgorithm ChecksumAlgorithm { get; init; } = AzureChecksumAlgorithm.Md5;

    /// <summary>Block size for uploads and range size for downloads; at most 4 MiB with MD5 (service limit for range MD5).</summary>
    public int BlockSize { get; init; } = MaxMd5TransferSize;

    public int MaxConcurrency { get; init; } = 4;

    public bool CreateContainerIfMissing { get; init; } = true;

    /// <summary>Where checked-out copies go; defaults to a folder under the system temp directory.</summary>
    public string? CheckoutDirectory { get; init; }

    /// <summary>HTTP retries per request, owned by the SDK; the step pipeline never retries on top.</summary>
    public int MaxRetries { get; init; } = 4;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(0.8);

    /// <summary>How long one HTTP request (one block) may take before the SDK retries it.</summary>
    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>Budget for one whole step (one put or one checkout), all its requests and retries included.</summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>How long the vault fails fast once storage has been failing, so jobs stay queued locally.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the health probe (<c>/healthz</c>) may wait for storage; one request, no retries.</summary>
    public TimeSpan HealthProbeTimeout { get; init; } = TimeSpan.FromSeconds(2);

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ConnectionString, nameof(ConnectionString));
        if (!AzureVaultUri.IsValidContainerName(Container))
        {
            throw new ArgumentException($"'{Container}' is not a valid blob container name.", nameof(Container));
        }

        if (BlockSize <= 0 || (ChecksumAlgorithm == AzureChecksumAlgorithm.Md5 && BlockSize > MaxMd5TransferSize))
        {
            throw new ArgumentException($"BlockSize must be positive, and at most {MaxMd5TransferSize} bytes with MD5 validation.", nameof(BlockSize));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrency, 1, nameof(MaxConcurrency));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries, nameof(MaxRetries));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(HealthProbeTimeout, TimeSpan.Zero, nameof(HealthProbeTimeout));
    }
}
