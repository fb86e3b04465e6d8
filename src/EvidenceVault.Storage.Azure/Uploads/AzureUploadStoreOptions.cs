namespace EvidenceVault.Storage.Azure.Uploads;

/// <summary>
/// Settings of the Azure upload store. A class rather than a record for the same reason as <see cref="AzureVaultOptions"/>:
/// a record's ToString would print the connection string, and with it the account key.
/// </summary>
public sealed class AzureUploadStoreOptions
{
    public required string ConnectionString { get; init; }

    /// <summary>The container uploads collect in; best in the vault's account, so completion is a server-side copy.</summary>
    public string Container { get; init; } = "uploads";

    /// <summary>Transfer checksum of each staged block (MD5 is the only one Azurite understands).</summary>
    public AzureChecksumAlgorithm ChecksumAlgorithm { get; init; } = AzureChecksumAlgorithm.Md5;

    /// <summary>Largest block staged at once, and the memory each append holds; at most 4 MiB with MD5.</summary>
    public int BlockSize { get; init; } = AzureVaultOptions.MaxMd5TransferSize;

    /// <summary>How long the read SAS the vault's server-side copy uses stays valid.</summary>
    public TimeSpan CopyAccessLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>HTTP retries per request, owned by the SDK; few, because the tus client resumes from HEAD on its own.</summary>
    public int MaxRetries { get; init; } = 2;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>How long one HTTP request (one block, one commit) may take before the SDK gives up on it.</summary>
    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the store fails fast, without touching the network, once storage has been failing.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ConnectionString, nameof(ConnectionString));
        if (!AzureVaultUri.IsValidContainerName(Container))
        {
            throw new ArgumentException($"'{Container}' is not a valid blob container name.", nameof(Container));
        }

        if (BlockSize <= 0 || (ChecksumAlgorithm == AzureChecksumAlgorithm.Md5 && BlockSize > AzureVaultOptions.MaxMd5TransferSize))
        {
            throw new ArgumentException($"BlockSize must be positive, and at most {AzureVaultOptions.MaxMd5TransferSize} bytes with MD5 validation.", nameof(BlockSize));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries, nameof(MaxRetries));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(NetworkTimeout, TimeSpan.Zero, nameof(NetworkTimeout));

        // Polly's circuit breaker takes breaks of at least half a second.
        ArgumentOutOfRangeException.ThrowIfLessThan(BreakDuration, TimeSpan.FromMilliseconds(500), nameof(BreakDuration));
    }
}
