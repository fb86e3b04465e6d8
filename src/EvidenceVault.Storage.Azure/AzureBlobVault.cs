using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Recordings;
using Polly;
using Polly.CircuitBreaker;

namespace EvidenceVault.Storage.Azure;

/// <summary>
/// The vault on Azure Blob storage (or Azurite): the same keys as the local vault, create-only
/// uploads (<c>If-None-Match: *</c>), and the SHA-256 in blob metadata, checked on every read.
/// Split by concern: writes, reads, resilience and error translation live in partial files.
/// </summary>
public sealed partial class AzureBlobVault : IVault, IVaultRetention, IVaultHealth, IVaultRedactions
{
    /// <summary>Blob metadata key holding the content's SHA-256 as lowercase hex.</summary>
    public const string Sha256MetadataKey = "sha256";

    private const int FileBufferSize = 1024 * 1024;

    private readonly AzureVaultOptions options;
    private readonly BlobContainerClient container;
    private readonly BlobContainerClient probeContainer;
    private readonly CircuitBreakerStateProvider circuit = new();
    private readonly ResiliencePipeline pipeline;
    private readonly string checkoutDirectory;
    private readonly TimeProvider time;
    private volatile bool containerReady;

    public AzureBlobVault(AzureVaultOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        this.options = options;
        time = timeProvider;
        pipeline = BuildPipeline();
        checkoutDirectory = options.CheckoutDirectory ?? Path.Combine(Path.GetTempPath(), "evidencevault-checkout");

        var clientOptions = AzureResilience.ClientOptions(options.MaxRetries, options.RetryDelay, options.NetworkTimeout);

        // The health probe must answer quickly while storage is down: one request, no SDK retries.
        var probeOptions = new BlobClientOptions();
        probeOptions.Retry.MaxRetries = 0;
        probeOptions.Retry.NetworkTimeout = options.HealthProbeTimeout;
        try
        {
            container = new BlobServiceClient(options.ConnectionString, clientOptions).GetBlobContainerClient(options.Container);
            probeContainer = new BlobServiceClient(options.ConnectionString, probeOptions).GetBlobContainerClient(options.Container);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            // The SDK's message may quote the connection string; keep the secret out of the exception.
            throw new VaultException($"The Azure connection string for container '{options.Container}' is malformed.");
        }
    }

    public string Description => $"azure:{container.Name}";

    private StorageTransferOptions TransferOptions => new()
    {
        InitialTransferSize = options.BlockSize,
        MaximumTransferSize = options.BlockSize,
        MaximumConcurrency = options.MaxConcurrency,
    };

    private StorageChecksumAlgorithm Checksum => options.ChecksumAlgorithm switch
    {
        AzureChecksumAlgorithm.Md5 => StorageChecksumAlgorithm.MD5,
        AzureChecksumAlgorithm.Auto => StorageChecksumAlgorithm.Auto,
        _ => StorageChecksumAlgorithm.None,
    };

    private BlobClient Blob(string key) => container.GetBlobClient(key);

    private static string? DeclaredSha256(IDictionary<string, string> metadata) =>
        metadata.FirstOrDefault(pair => string.Equals(pair.Key, Sha256MetadataKey, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Refuses a blob whose metadata does not name the digest it is stored under.</summary>
    private static void CheckDeclaredDigest(Sha256Digest digest, IDictionary<string, string> metadata)
    {
        var declared = DeclaredSha256(metadata);
        if (!string.Equals(declared, digest.Hex, StringComparison.OrdinalIgnoreCase))
        {
            throw new VaultIntegrityException(digest, declared is null ? "(no sha256 metadata)" : $"{declared} (declared in metadata)");
        }
    }

    private static FileStream OpenStaged(StagedFile staged) => new(staged.Path, new FileStreamOptions
    {
        Mode = FileMode.Open,
        Access = FileAccess.Read,
        Share = FileShare.Read,
        BufferSize = FileBufferSize,
        Options = FileOptions.SequentialScan | FileOptions.Asynchronous,
    });

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (containerReady || !options.CreateContainerIfMissing)
        {
            return;
        }

        await container.CreateIfNotExistsAsync(PublicAccessType.None, metadata: null, cancellationToken: cancellationToken);
        containerReady = true;
    }
}
