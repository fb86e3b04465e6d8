using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Storage.Vault;

namespace EvidenceVault.Storage.Azure;

/// <summary>Create-only writes: look first (cheap), then upload with If-None-Match: * (race-proof).</summary>
public sealed partial class AzureBlobVault
{
    public async Task<VaultPutOutcome> PutOriginalAsync(Sha256Digest digest, StagedFile staged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        staged.EnsureComplete();
        var blob = Blob(VaultKeys.Original(digest));
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { [Sha256MetadataKey] = digest.Hex };

        var outcome = await RunStepAsync("store original " + digest, async ct =>
        {
            var existing = await TryGetPropertiesAsync(blob, ct);
            if (existing is not null)
            {
                await CheckSameOriginalAsync(blob, digest, staged, existing, ct);
                return VaultPutOutcome.AlreadyPresent;
            }

            if (await TryUploadAsync(blob, staged, metadata, ct))
            {
                return VaultPutOutcome.Created;
            }

            // Another writer won the race: its blob must hold the same content.
            await CheckSameOriginalAsync(blob, digest, staged, await blob.GetPropertiesAsync(cancellationToken: ct), ct);
            return VaultPutOutcome.AlreadyPresent;
        }, cancellationToken);

        // Only once the blob is committed (or proved identical) is the staged copy given up.
        File.Delete(staged.Path);
        return outcome;
    }

    public async Task<VaultPutOutcome> PutDerivativeAsync(Sha256Digest original, DerivativeKind kind, StagedFile staged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        staged.EnsureComplete();
        var blob = Blob(VaultKeys.Derivative(original, kind));
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["original"] = original.Hex };

        // Derivatives can be made again from the original, so an existing one is simply kept.
        var outcome = await RunStepAsync($"store {kind} of {original}", async ct =>
            await TryGetPropertiesAsync(blob, ct) is null && await TryUploadAsync(blob, staged, metadata, ct)
                ? VaultPutOutcome.Created
                : VaultPutOutcome.AlreadyPresent, cancellationToken);

        File.Delete(staged.Path);
        return outcome;
    }

    public async Task ReplaceDerivativeAsync(Sha256Digest original, DerivativeKind kind, StagedFile staged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        staged.EnsureComplete();
        var blob = Blob(VaultKeys.Derivative(original, kind));
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["original"] = original.Hex };

        // A block blob upload commits all at once: readers see the old or the new derivative, never a mix.
        await RunStepAsync($"replace {kind} of {original}", async ct =>
        {
            await EnsureContainerAsync(ct);
            await using var file = OpenStaged(staged);
            await blob.UploadAsync(file, new BlobUploadOptions
            {
                Metadata = metadata,
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/octet-stream" },
                TransferOptions = TransferOptions,
                TransferValidation = new UploadTransferValidationOptions { ChecksumAlgorithm = Checksum },
            }, ct);
            return true;
        }, cancellationToken);

        File.Delete(staged.Path);
    }

    /// <summary>
    /// Block upload straight from the file (the SDK reads one block at a time), each block checked
    /// with the transfer checksum. False when the blob appeared meanwhile.
    /// </summary>
    private async Task<bool> TryUploadAsync(BlobClient blob, StagedFile staged, Dictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        await using var file = OpenStaged(staged);
        var upload = new BlobUploadOptions
        {
            Metadata = metadata,
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/octet-stream" },
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            TransferOptions = TransferOptions,
            TransferValidation = new UploadTransferValidationOptions { ChecksumAlgorithm = Checksum },
        };

        try
        {
            await blob.UploadAsync(file, upload, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 && e.ErrorCode != BlobErrorCode.ContainerNotFound.ToString())
        {
            return false;
        }
    }

    private static async Task<BlobProperties?> TryGetPropertiesAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (IsNotFound(e))
        {
            return null;
        }
    }

    /// <summary>
    /// An existing original must declare the same SHA-256, have the staged length and hash to its address: metadata and
    /// length alone would vouch for bytes swapped by someone with write access to the container.
    /// </summary>
    private async Task CheckSameOriginalAsync(BlobClient blob, Sha256Digest digest, StagedFile staged, BlobProperties existing, CancellationToken cancellationToken)
    {
        CheckDeclaredDigest(digest, existing.Metadata);
        if (existing.ContentLength != staged.Length)
        {
            throw new VaultIntegrityException(digest, $"unknown ({existing.ContentLength} bytes stored, {staged.Length} expected)");
        }

        await using var hashing = new HashingWriteStream(Stream.Null);
        await blob.DownloadToAsync(hashing, new BlobDownloadToOptions
        {
            Conditions = new BlobRequestConditions { IfMatch = existing.ETag },
            TransferOptions = TransferOptions,
        }, cancellationToken);
        var actual = hashing.HashHex();
        if (actual != digest.Hex)
        {
            throw new VaultIntegrityException(digest, actual);
        }
    }
}
