using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Storage.Azure.Uploads;

/// <summary>A complete upload's committed blob, handed to the vault: an Azure vault in the same account copies it server-side.</summary>
internal sealed class AzureStagedUpload(BlobClient blob, Sha256Digest sha256, long length, TimeSpan copyAccess, TimeProvider time) : IStagedObject, IAzureStagedBlob
{
    public Sha256Digest Sha256 { get; } = sha256;

    public long Length { get; } = length;

    public string? LocalPath => null;

    public string Account => blob.AccountName;

    public Uri ReadUri() => blob.CanGenerateSasUri
        ? blob.GenerateSasUri(BlobSasPermissions.Read, time.GetUtcNow().Add(copyAccess))
        : blob.Uri;

    public async Task<bool> ExistsAsync(CancellationToken cancellationToken) => (await blob.ExistsAsync(cancellationToken)).Value;

    /// <summary>The SDK's read stream is seekable (ranged reads), which the container checks need.</summary>
    public async Task<Stream> OpenReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken);
        }
        catch (RequestFailedException e)
        {
            throw new IOException($"The received upload could not be read from storage: {e.Message}", e);
        }
    }

    /// <summary>
    /// Kept until the outcome is recorded (which deletes it): the committed blob is also the upload's durable offset, so
    /// deleting it first would make a crash before the outcome look like an upload at offset 0.
    /// </summary>
    public Task ReleaseAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
