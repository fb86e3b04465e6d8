using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using EvidenceVault.Application.Uploads;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Uploads;
using EvidenceVault.Storage.Uploads;
using Polly;

namespace EvidenceVault.Storage.Azure.Uploads;

/// <summary>
/// Uploads as blobs, so any API node can continue any upload (no sticky routing): <c>&lt;id&gt;/info.json</c> (what was
/// declared, written create-only), <c>&lt;id&gt;/data</c> (a block blob whose committed length is the durable offset) and
/// <c>&lt;id&gt;/outcome.json</c>. Each append stages its bytes as blocks (transfer checksum per block) and then commits
/// the list with the blob's ETag as condition: bytes count only once committed, a refused or unverifiable chunk is
/// simply never put in the list, and two nodes appending at once cannot both win (the loser gets an offset conflict).
/// </summary>
public sealed partial class AzureUploadStore : IUploadStore
{
    private const string InfoBlob = "info.json";
    private const string DataBlob = "data";
    private const string OutcomeBlob = "outcome.json";

    private readonly AzureUploadStoreOptions _options;
    private readonly BlobContainerClient _container;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline _pipeline;
    private volatile bool _containerReady;

    public AzureUploadStore(AzureUploadStoreOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        (_options, _time) = (options, time);
        _pipeline = BuildPipeline();
        try
        {
            _container = new BlobServiceClient(options.ConnectionString, AzureResilience.ClientOptions(options.MaxRetries, options.RetryDelay, options.NetworkTimeout))
                .GetBlobContainerClient(options.Container);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            // The SDK's message may quote the connection string; keep the secret out of the exception.
            throw new ArgumentException($"The Azure connection string for upload container '{options.Container}' is malformed.", nameof(options));
        }
    }

    public Task<UploadState> CreateAsync(NewUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        return RunAsync($"create upload {upload.Id}", token => CreateOnceAsync(upload, token), cancellationToken);
    }

    private async Task<UploadState> CreateOnceAsync(NewUpload upload, CancellationToken cancellationToken)
    {
        if (!_containerReady)
        {
            await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            _containerReady = true;
        }

        await _container.GetBlobClient(Key(upload.Id, InfoBlob)).UploadAsync(
            BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(UploadInfo.Of(upload))),
            new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
            cancellationToken);
        return new UploadState(upload, 0, null);
    }

    public Task<UploadState?> FindAsync(UploadId id, CancellationToken cancellationToken) =>
        RunAsync($"read upload {id}", async token => (await ReadAsync(id, token))?.State, cancellationToken);

    public Task<AppendResult> AppendAsync(UploadId id, long offset, Stream chunk, byte[]? chunkSha256, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        return RunAsync($"append to upload {id}", token => AppendOnceAsync(id, offset, chunk, chunkSha256, token), cancellationToken);
    }

    private async Task<AppendResult> AppendOnceAsync(UploadId id, long offset, Stream chunk, byte[]? chunkSha256, CancellationToken cancellationToken)
    {
        var (state, etag) = await ReadAsync(id, cancellationToken) ?? throw new UploadNotFoundException($"There is no upload {id}.");
        if (state.Offset != offset)
        {
            throw new UploadOffsetConflictException($"Upload {id} stands at offset {state.Offset}, not {offset}.");
        }

        var data = _container.GetBlockBlobClient(Key(id, DataBlob));
        var staged = await StageChunkAsync(data, chunk, offset, state.Upload.Length - offset, chunkSha256, cancellationToken);
        if (staged.Blocks.Count == 0)
        {
            return new AppendResult(offset, staged.Interrupted);
        }

        var committed = etag is null ? [] : (await data.GetBlockListAsync(BlockListTypes.Committed, cancellationToken: CancellationToken.None)).Value.CommittedBlocks.Select(b => b.Name);
        try
        {
            // Durable first, counted second: the commit is what moves the offset, and only if no other node moved it meanwhile.
            await data.CommitBlockListAsync(
                [.. committed, .. staged.Blocks],
                new CommitBlockListOptions { Conditions = etag is { } tag ? new BlobRequestConditions { IfMatch = tag } : new BlobRequestConditions { IfNoneMatch = ETag.All } },
                CancellationToken.None);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw new UploadOffsetConflictException($"Upload {id} was continued elsewhere meanwhile; ask with HEAD and continue from there.");
        }

        return new AppendResult(offset + staged.Length, staged.Interrupted);
    }

    public async Task<Stream> OpenReadAsync(UploadId id, CancellationToken cancellationToken)
    {
        var state = await FindAsync(id, cancellationToken) ?? throw new UploadNotFoundException($"There is no upload {id}.");
        return await RunAsync($"read the bytes of upload {id}", token => StagedOf(state.Upload).OpenReadAsync(token), cancellationToken);
    }

    /// <summary>Every append already committed its blocks, so the complete blob is simply handed over.</summary>
    public async Task<IStagedObject> CompleteAsync(UploadId id, CancellationToken cancellationToken)
    {
        var state = await FindAsync(id, cancellationToken) ?? throw new UploadNotFoundException($"There is no upload {id}.");
        return StagedOf(state.Upload);
    }

    public Task RecordOutcomeAsync(UploadId id, UploadOutcome outcome, bool keepBytes, CancellationToken cancellationToken) =>
        RunAsync($"record the outcome of upload {id}", token => RecordOutcomeOnceAsync(id, outcome, keepBytes, token), cancellationToken);

    private async Task RecordOutcomeOnceAsync(UploadId id, UploadOutcome outcome, bool keepBytes, CancellationToken cancellationToken)
    {
        await _container.GetBlobClient(Key(id, OutcomeBlob)).UploadAsync(BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(outcome)), overwrite: true, cancellationToken);
        if (!keepBytes)
        {
            await _container.GetBlobClient(Key(id, DataBlob)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
    }

    public Task DeleteAsync(UploadId id, CancellationToken cancellationToken) =>
        RunAsync($"delete upload {id}", async token =>
        {
            foreach (var name in new[] { DataBlob, OutcomeBlob, InfoBlob })
            {
                await _container.GetBlobClient(Key(id, name)).DeleteIfExistsAsync(cancellationToken: token);
            }
        }, cancellationToken);

    public async Task<IReadOnlyList<UploadId>> ListExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var expired = new List<UploadId>();
        foreach (var (id, hasInfo) in await RunAsync("list uploads", ListAsync, cancellationToken))
        {
            if (!hasInfo || (await FindAsync(id, cancellationToken)) is not { } state || state.Upload.ExpiresAt <= now)
            {
                expired.Add(id);
            }
        }

        return expired;
    }

    public async Task<IReadOnlyList<UploadState>> ListOpenAsync(CancellationToken cancellationToken)
    {
        var open = new List<UploadState>();
        foreach (var (id, hasInfo) in await RunAsync("list uploads", ListAsync, cancellationToken))
        {
            if (hasInfo && await FindAsync(id, cancellationToken) is { Outcome: null } state)
            {
                open.Add(state);
            }
        }

        return open;
    }

    /// <summary>Blob storage has no free-space figure worth reserving against; the service's own limits apply.</summary>
    public long AvailableBytes() => long.MaxValue / 4;

    private AzureStagedUpload StagedOf(NewUpload upload) =>
        new(_container.GetBlobClient(Key(upload.Id, DataBlob)), upload.DeclaredSha256, upload.Length, _options.CopyAccessLifetime, _time);

    /// <summary>The upload and the ETag of its committed bytes (null before the first commit).</summary>
    private async Task<(UploadState State, ETag? DataTag)?> ReadAsync(UploadId id, CancellationToken cancellationToken)
    {
        if (await DownloadAsync(Key(id, InfoBlob), cancellationToken) is not { } info)
        {
            return null;
        }

        var upload = (JsonSerializer.Deserialize<UploadInfo>(info) ?? throw new IOException($"The upload record of {id} is empty.")).ToUpload();
        long offset = 0;
        ETag? tag = null;
        try
        {
            BlobProperties data = await _container.GetBlobClient(Key(id, DataBlob)).GetPropertiesAsync(cancellationToken: cancellationToken);
            (offset, tag) = (data.ContentLength, data.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }

        var outcome = await DownloadAsync(Key(id, OutcomeBlob), cancellationToken) is { } bytes ? JsonSerializer.Deserialize<UploadOutcome>(bytes) : null;

        // Once ended without its bytes, the data blob is gone: the offset is what was declared complete.
        return (new UploadState(upload, outcome is not null && tag is null ? upload.Length : offset, outcome), tag);
    }

    private async Task<byte[]?> DownloadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var content = await _container.GetBlobClient(key).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Every upload id under the container, and whether its record exists (a creation a crash interrupted has none).</summary>
    private async Task<List<(UploadId Id, bool HasInfo)>> ListAsync(CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, bool>(StringComparer.Ordinal);
        try
        {
            await foreach (var blob in _container.GetBlobsAsync(cancellationToken: cancellationToken))
            {
                var parts = blob.Name.Split('/', 2);
                found[parts[0]] = found.GetValueOrDefault(parts[0]) || (parts.Length == 2 && parts[1] == InfoBlob);
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }

        return [.. found.Where(f => UploadId.TryParse(f.Key, out _)).Select(f => (UploadId.TryParse(f.Key, out var id) ? id : default!, f.Value))];
    }

    private static string Key(UploadId id, string name) => $"{id.Value}/{name}";

    /// <summary>Block ids name the block's offset, all of one length as the service requires.</summary>
    private static string BlockId(long offset) => Convert.ToBase64String(Encoding.ASCII.GetBytes(offset.ToString("D20", System.Globalization.CultureInfo.InvariantCulture)));

    private UploadTransferValidationOptions Validation => new()
    {
        ChecksumAlgorithm = _options.ChecksumAlgorithm switch
        {
            AzureChecksumAlgorithm.Md5 => StorageChecksumAlgorithm.MD5,
            AzureChecksumAlgorithm.Auto => StorageChecksumAlgorithm.Auto,
            _ => StorageChecksumAlgorithm.None,
        },
    };
}
