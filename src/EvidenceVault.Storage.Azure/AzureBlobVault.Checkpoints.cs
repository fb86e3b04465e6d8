using Azure;
using Azure.Storage.Blobs.Models;
using EvidenceVault.Application.Custody;
using EvidenceVault.Storage.Vault;

namespace EvidenceVault.Storage.Azure;

/// <summary>Checkpoints as blobs under <c>checkpoints/</c>, uploaded with <c>If-None-Match: *</c>: never overwritten.</summary>
public sealed partial class AzureBlobVault : ICheckpointStore
{
    public async Task<bool> PutCheckpointAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var blob = Blob(VaultKeys.Checkpoint(name));
        var created = await RunStepAsync("store checkpoint " + name, async ct =>
        {
            await EnsureContainerAsync(ct);
            try
            {
                await blob.UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain; charset=utf-8" },
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                }, ct);
                return true;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && e.ErrorCode != BlobErrorCode.ContainerNotFound.ToString())
            {
                return false;
            }
        }, cancellationToken);
        if (created)
        {
            return true;
        }

        var existing = await ReadCheckpointAsync(name, cancellationToken);
        return existing is not null && existing.AsSpan().SequenceEqual(content.Span) ? false : throw new CheckpointConflictException(name);
    }

    public Task<IReadOnlyList<string>> ListCheckpointsAsync(CancellationToken cancellationToken) =>
        RunStepAsync<IReadOnlyList<string>>("list checkpoints", async ct =>
        {
            var names = new List<string>();
            var prefix = VaultKeys.CheckpointFolder + "/";
            try
            {
                await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, ct))
                {
                    if (CheckpointNames.IsValid(item.Name[prefix.Length..]))
                    {
                        names.Add(item.Name[prefix.Length..]);
                    }
                }
            }
            catch (RequestFailedException e) when (IsNotFound(e))
            {
                // No container yet: nothing was ever stored.
            }

            // Blob listings are already in name order; sorting again keeps the contract independent of the service.
            names.Sort(StringComparer.Ordinal);
            return names;
        }, cancellationToken);

    public Task<byte[]?> ReadCheckpointAsync(string name, CancellationToken cancellationToken)
    {
        var blob = Blob(VaultKeys.Checkpoint(name));
        return RunStepAsync("read checkpoint " + name, async ct =>
        {
            try
            {
                var download = await blob.DownloadContentAsync(ct);
                return download.Value.Content.ToArray();
            }
            catch (RequestFailedException e) when (IsNotFound(e))
            {
                return null;
            }
        }, cancellationToken);
    }
}
