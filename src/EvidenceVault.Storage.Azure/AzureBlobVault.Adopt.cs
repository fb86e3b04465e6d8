using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Storage.Vault;

namespace EvidenceVault.Storage.Azure;

/// <summary>
/// Adoption of received bytes: a blob of an Azure upload store in the same account is copied server-side (no byte
/// goes through this process); anything else (a local upload store) is uploaded once. Either way the bytes land under a
/// pending name, are read back once there and must hash to the digest, and only then are copied (server-side, create-
/// only) to their key; the staged bytes are released only after that.
/// </summary>
public sealed partial class AzureBlobVault
{
    public async Task<VaultAdoption> AdoptOriginalAsync(IStagedObject staged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        var digest = staged.Sha256;
        var blob = Blob(VaultKeys.Original(digest));
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { [Sha256MetadataKey] = digest.Hex };
        var adoption = await RunStepAsync("adopt original " + digest, async ct =>
        {
            if (await TryGetPropertiesAsync(blob, ct) is { } existing)
            {
                await VerifyBlobAsync(blob, digest, staged.Length, existing, ct);
                return new VaultAdoption(VaultPutOutcome.AlreadyPresent, AdoptionMethod.AlreadyPresent);
            }

            if (!await staged.ExistsAsync(ct))
            {
                throw new VaultException($"There are no received bytes to store for {digest}, and the vault holds no original under it.");
            }

            await EnsureContainerAsync(ct);

            // The bytes land under a pending name first and are verified there, so nothing unverified ever sits at the key.
            var pending = Blob($"pending/{Guid.NewGuid():N}");
            try
            {
                var (method, note) = staged is IAzureStagedBlob source && source.Account == blob.AccountName
                    ? (await CopyServerSideAsync(pending, source.ReadUri(), metadata, ct), (string?)null)
                    : (await UploadStreamAsync(pending, staged, metadata, ct), "the received bytes are not in this storage account");
                await VerifyBlobAsync(pending, digest, staged.Length, await pending.GetPropertiesAsync(cancellationToken: ct), ct);
                if (!await TryPublishAsync(blob, pending, ct))
                {
                    await VerifyBlobAsync(blob, digest, staged.Length, await blob.GetPropertiesAsync(cancellationToken: ct), ct);
                    return new VaultAdoption(VaultPutOutcome.AlreadyPresent, AdoptionMethod.AlreadyPresent);
                }

                return new VaultAdoption(VaultPutOutcome.Created, method, note);
            }
            finally
            {
                await pending.DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
            }
        }, cancellationToken);

        await staged.ReleaseAsync(cancellationToken);
        return adoption;
    }

    /// <summary>Copy-blob within the account (no byte through this process); same-account copies finish quickly.</summary>
    private static async Task<AdoptionMethod> CopyServerSideAsync(BlobClient target, Uri source, Dictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var copy = await target.StartCopyFromUriAsync(source, new BlobCopyFromUriOptions { Metadata = metadata }, cancellationToken);
        await copy.WaitForCompletionAsync(cancellationToken);
        return AdoptionMethod.Moved;
    }

    private async Task<AdoptionMethod> UploadStreamAsync(BlobClient target, IStagedObject staged, Dictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        await using var bytes = await staged.OpenReadAsync(cancellationToken);
        await target.UploadAsync(bytes, new BlobUploadOptions
        {
            Metadata = metadata,
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/octet-stream" },
            TransferOptions = TransferOptions,
            TransferValidation = new UploadTransferValidationOptions { ChecksumAlgorithm = Checksum },
        }, cancellationToken);
        return AdoptionMethod.Copied;
    }

    /// <summary>The verified pending blob copied to its key, create-only; false when the key appeared meanwhile.</summary>
    private static async Task<bool> TryPublishAsync(BlobClient key, BlobClient pending, CancellationToken cancellationToken)
    {
        try
        {
            var copy = await key.StartCopyFromUriAsync(pending.Uri, new BlobCopyFromUriOptions
            {
                DestinationConditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
            await copy.WaitForCompletionAsync(cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 && e.ErrorCode != BlobErrorCode.ContainerNotFound.ToString())
        {
            return false;
        }
    }

    /// <summary>The one verifying read: declared digest, length and the bytes' own SHA-256.</summary>
    private static async Task VerifyBlobAsync(BlobClient blob, Sha256Digest digest, long length, BlobProperties stored, CancellationToken cancellationToken)
    {
        CheckDeclaredDigest(digest, stored.Metadata);
        if (stored.ContentLength != length)
        {
            throw new VaultIntegrityException(digest, $"unknown ({stored.ContentLength} bytes stored, {length} expected)");
        }

        await using var hashing = new HashingWriteStream(Stream.Null);
        await blob.DownloadToAsync(hashing, new BlobDownloadToOptions { Conditions = new BlobRequestConditions { IfMatch = stored.ETag } }, cancellationToken);
        if (hashing.HashHex() is var actual && actual != digest.Hex)
        {
            throw new VaultIntegrityException(digest, actual);
        }
    }
}

/// <summary>A staged object that is a blob: an Azure vault in the same account copies it server-side.</summary>
internal interface IAzureStagedBlob
{
    string Account { get; }

    /// <summary>A URI the vault's copy request may read the blob from (a short-lived read SAS).</summary>
    Uri ReadUri();
}
