using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Storage.Vault;

namespace EvidenceVault.Storage.Azure;

/// <summary>Reads: every path that hands out an original checks the declared SHA-256, and the bytes against it.</summary>
public sealed partial class AzureBlobVault
{
    public Task<VaultObjectInfo?> GetOriginalInfoAsync(Sha256Digest digest, CancellationToken cancellationToken)
    {
        var blob = Blob(VaultKeys.Original(digest));
        return RunStepAsync("read the properties of " + digest, async ct =>
        {
            var properties = await TryGetPropertiesAsync(blob, ct);
            return properties is null
                ? null
                : new VaultObjectInfo(
                    properties.ContentLength,
                    Sha256Digest.TryParse(DeclaredSha256(properties.Metadata), out var declared) ? declared : null);
        }, cancellationToken);
    }

    public async Task<Stream> OpenOriginalAsync(Sha256Digest digest, CancellationToken cancellationToken)
    {
        var blob = Blob(VaultKeys.Original(digest));

        // The SDK's download stream keeps the token it was opened with for its own resumes, so it gets
        // the caller's token, not the step's pooled timeout token; the SDK's network timeout bounds it.
        return await RunStepAsync<Stream>("open original " + digest, async _ =>
        {
            var download = await TryDownloadAsync(blob, cancellationToken) ?? throw new VaultObjectMissingException(digest);
            try
            {
                CheckDeclaredDigest(digest, download.Details.Metadata);
            }
            catch
            {
                await download.Content.DisposeAsync();
                throw;
            }

            return new VerifyingReadStream(download.Content, download.Details.ContentLength, digest, container.Name);
        }, cancellationToken);
    }

    public async Task<Stream?> OpenDerivativeAsync(Sha256Digest original, DerivativeKind kind, CancellationToken cancellationToken)
    {
        var blob = Blob(VaultKeys.Derivative(original, kind));
        return await RunStepAsync<Stream?>($"open {kind} of {original}", async _ =>
        {
            var download = await TryDownloadAsync(blob, cancellationToken);
            return download is null ? null : new VerifyingReadStream(download.Content, download.Details.ContentLength, null, container.Name);
        }, cancellationToken);
    }

    /// <summary>Downloads to a temporary file, hashing on the way; the copy is handed out only if it hashes to its address.</summary>
    public async Task<LocalCopy> CheckoutOriginalAsync(Sha256Digest digest, CancellationToken cancellationToken)
    {
        var blob = Blob(VaultKeys.Original(digest));
        var path = Path.Combine(checkoutDirectory, $"{digest.Hex}-{Guid.NewGuid():N}.tmp");
        try
        {
            return await RunStepAsync("check out original " + digest, async ct =>
            {
                var properties = await TryGetPropertiesAsync(blob, ct) ?? throw new VaultObjectMissingException(digest);
                CheckDeclaredDigest(digest, properties.Metadata);
                Directory.CreateDirectory(checkoutDirectory);
                string actual;
                await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileBufferSize, useAsync: true))
                await using (var hashing = new HashingWriteStream(file))
                {
                    await blob.DownloadToAsync(hashing, new BlobDownloadToOptions
                    {
                        // Pinned to the ETag just checked: a blob replaced mid-download fails instead of mixing.
                        Conditions = new BlobRequestConditions { IfMatch = properties.ETag },
                        TransferOptions = TransferOptions,
                        TransferValidation = new DownloadTransferValidationOptions { ChecksumAlgorithm = Checksum },
                    }, ct);
                    actual = hashing.HashHex();
                }

                if (actual != digest.Hex)
                {
                    throw new VaultIntegrityException(digest, actual);
                }

                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead);
                }

                return new LocalCopy(path, isTemporary: true);
            }, cancellationToken);
        }
        catch
        {
            // Never leave a copy behind that failed its check (or never finished). File.Delete throws
            // when the directory is missing, which would hide the real error.
            if (File.Exists(path))
            {
                File.Delete(path);
            }

            throw;
        }
    }

    private static async Task<BlobDownloadStreamingResult?> TryDownloadAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return await blob.DownloadStreamingAsync(new BlobDownloadOptions(), cancellationToken);
        }
        catch (RequestFailedException e) when (IsNotFound(e))
        {
            return null;
        }
    }
}
