using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using EvidenceVault.Application.Hashing;
using EvidenceVault.Application.Uploads;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Uploads;
using EvidenceVault.Storage.Vault;
using Microsoft.Win32.SafeHandles;

namespace EvidenceVault.Storage.Uploads;

/// <summary>
/// Uploads on the local disk, one folder each under <c>uploads/</c>:
/// <c>info.json</c> (what was declared), <c>offset</c> (the bytes durably kept), <c>outcome.json</c> (how it ended)
/// and <c>file/&lt;safe name&gt;</c> (the bytes). Bytes past the recorded offset are never counted: an append writes,
/// fdatasyncs, and only then records the new offset (<see cref="UploadOffsetFile"/>, crash-safe in place), so after a
/// crash the reported offset never includes bytes that were not on disk. The next append cuts the file back to the recorded offset first, which is also how
/// a refused chunk is dropped (like an uncommitted block in a block store).
/// </summary>
public sealed class LocalUploadStore : IUploadStore
{
    private const string InfoFile = "info.json";
    private const string OffsetFile = "offset";
    private const string OutcomeFile = "outcome.json";
    private const string BytesFolder = "file";
    private readonly string _root;
    private readonly ConcurrentDictionary<UploadId, ReceivedPastCheckpoint> _received = new();

    /// <summary>The folder is made with the first upload, so hosts that never take one leave no trace.</summary>
    public LocalUploadStore(string root, long checkpointBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(checkpointBytes);
        _root = Path.GetFullPath(root);
        CheckpointBytes = checkpointBytes;
    }

    /// <summary>Received bytes that may go unflushed; a machine crash makes the client send at most these again.</summary>
    public long CheckpointBytes { get; }

    public async Task<UploadState> CreateAsync(NewUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var folder = FolderOf(upload.Id);
        Durability.CreateDirectory(Path.Combine(folder, BytesFolder));
        await using (File.Create(BytesOf(upload)))
        {
        }

        // Each chunk then syncs only the bytes file and the offset record, never a folder: their entries are durable from here.
        Durability.Sync(Path.Combine(folder, BytesFolder));
        UploadOffsetFile.Create(Path.Combine(folder, OffsetFile));

        // info.json last (its replacement syncs the folder): a folder without it is a creation a crash interrupted, and is swept as expired.
        await Durability.ReplaceAsync(Path.Combine(folder, InfoFile), JsonSerializer.SerializeToUtf8Bytes(UploadInfo.Of(upload)), cancellationToken);
        return new UploadState(upload, 0, null);
    }

    public async Task<UploadState?> FindAsync(UploadId id, CancellationToken cancellationToken)
    {
        var folder = FolderOf(id);
        var info = Path.Combine(folder, InfoFile);
        if (!File.Exists(info))
        {
            return null;
        }

        var upload = (JsonSerializer.Deserialize<UploadInfo>(await File.ReadAllBytesAsync(info, cancellationToken))
            ?? throw new IOException($"The upload record {info} is empty.")).ToUpload();
        var offset = ReceivedOffset(id, upload, UploadOffsetFile.Read(Path.Combine(folder, OffsetFile)));
        var outcomePath = Path.Combine(folder, OutcomeFile);
        var outcome = File.Exists(outcomePath) ? JsonSerializer.Deserialize<UploadOutcome>(await File.ReadAllBytesAsync(outcomePath, cancellationToken)) : null;
        return new UploadState(upload, offset, outcome);
    }

    public async Task<AppendResult> AppendAsync(UploadId id, long offset, Stream chunk, byte[]? chunkSha256, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var state = await FindAsync(id, cancellationToken) ?? throw new UploadNotFoundException($"There is no upload {id}.");
        if (state.Offset != offset)
        {
            throw new UploadOffsetConflictException($"Upload {id} stands at offset {state.Offset}, not {offset}.");
        }

        var path = BytesOf(state.Upload);
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        RandomAccess.SetLength(file, offset);
        var (written, interrupted, tooLong, sha256) = await CopyChunkAsync(chunk, file, offset, state.Upload.Length - offset, chunkSha256 is not null, cancellationToken);
        if (tooLong)
        {
            RandomAccess.SetLength(file, offset);
            throw new UploadTooLargeException($"The chunk holds more than the {state.Upload.Length - offset} bytes still missing from the declared {state.Upload.Length}; nothing of it was kept.");
        }

        if (chunkSha256 is not null && (interrupted || !CryptographicOperations.FixedTimeEquals(sha256, chunkSha256)))
        {
            RandomAccess.SetLength(file, offset);
            return interrupted
                ? new AppendResult(offset, Interrupted: true)
                : throw new ChunkChecksumMismatchException($"The chunk's {written} bytes hash to sha256 {Convert.ToBase64String(sha256!)}, not {Convert.ToBase64String(chunkSha256)}; nothing of it was kept, the upload stays at offset {offset}.");
        }

        var reached = offset + written;
        var checkpoint = UploadOffsetFile.Read(Path.Combine(FolderOf(id), OffsetFile));
        if (interrupted || reached == state.Upload.Length || reached - checkpoint >= CheckpointBytes)
        {
            // Durable first, counted second. Most of the bytes are on disk already (write-back started block by block).
            Durability.SyncData(file, path);
            UploadOffsetFile.Write(Path.Combine(FolderOf(id), OffsetFile), reached);
            _received.TryRemove(id, out _);
        }
        else
        {
            _received[id] = new ReceivedPastCheckpoint(reached, checkpoint);
        }

        return new AppendResult(reached, interrupted);
    }

    public async Task<Stream> OpenReadAsync(UploadId id, CancellationToken cancellationToken)
    {
        var state = await FindAsync(id, cancellationToken) ?? throw new UploadNotFoundException($"There is no upload {id}.");
        return new FileStream(BytesOf(state.Upload), FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
    }

    /// <summary>The received file itself: a local vault on the same file system links it into place.</summary>
    public async Task<IStagedObject> CompleteAsync(UploadId id, CancellationToken cancellationToken)
    {
        var state = await FindAsync(id, cancellationToken) ?? throw new UploadNotFoundException($"There is no upload {id}.");
        return new LocalStagedUpload(BytesOf(state.Upload), state.Upload.DeclaredSha256, state.Upload.Length);
    }

    public async Task RecordOutcomeAsync(UploadId id, UploadOutcome outcome, bool keepBytes, CancellationToken cancellationToken)
    {
        var folder = FolderOf(id);
        await Durability.ReplaceAsync(Path.Combine(folder, OutcomeFile), JsonSerializer.SerializeToUtf8Bytes(outcome), cancellationToken);
        if (!keepBytes && Directory.Exists(Path.Combine(folder, BytesFolder)))
        {
            Directory.Delete(Path.Combine(folder, BytesFolder), recursive: true);
        }
    }

    public Task DeleteAsync(UploadId id, CancellationToken cancellationToken)
    {
        _received.TryRemove(id, out _);
        var folder = FolderOf(id);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<UploadId>> ListExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var expired = new List<UploadId>();
        foreach (var folder in Directory.Exists(_root) ? Directory.EnumerateDirectories(_root) : [])
        {
            if (!UploadId.TryParse(Path.GetFileName(folder), out var id))
            {
                continue;
            }

            var info = Path.Combine(folder, InfoFile);
            if (!File.Exists(info) || (await FindAsync(id, cancellationToken))!.Upload.ExpiresAt <= now)
            {
                expired.Add(id);
            }
        }

        return expired;
    }

    public async Task<IReadOnlyList<UploadState>> ListOpenAsync(CancellationToken cancellationToken)
    {
        var open = new List<UploadState>();
        foreach (var folder in Directory.Exists(_root) ? Directory.EnumerateDirectories(_root) : [])
        {
            if (UploadId.TryParse(Path.GetFileName(folder), out var id) && File.Exists(Path.Combine(folder, InfoFile))
                && await FindAsync(id, cancellationToken) is { Outcome: null } state)
            {
                open.Add(state);
            }
        }

        return open;
    }

    public long AvailableBytes()
    {
        Directory.CreateDirectory(_root);
        return new DriveInfo(_root).AvailableFreeSpace;
    }

    /// <summary>
    /// Copies at most <paramref name="limit"/> bytes to <paramref name="file"/> from <paramref name="position"/> on; a
    /// broken-off read ends the copy instead of failing it. Reads are gathered into whole blocks before each write: the
    /// request body hands out a few KiB per read, and writing each piece on its own cost one pwrite per ~7 KiB (profiled:
    /// 73 000 writes for 512 MiB). Each block's write-back starts at once, so the disk keeps up with the socket.
    /// </summary>
    private static async Task<(long Written, bool Interrupted, bool TooLong, byte[]? Sha256)> CopyChunkAsync(
        Stream chunk, SafeFileHandle file, long position, long limit, bool hash, CancellationToken cancellationToken)
    {
        using var sha256 = hash ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
        var buffer = ArrayPool<byte>.Shared.Rent(HashingCopier.BlockSize);
        try
        {
            long written = 0;
            while (true)
            {
                // One byte beyond the limit tells a chunk longer than the upload from one that fits exactly.
                var want = (int)Math.Min(HashingCopier.BlockSize, limit - written + 1);
                var (filled, ended, broke) = await FillAsync(chunk, buffer.AsMemory(0, want), cancellationToken);
                if (written + filled > limit)
                {
                    return (written, false, true, null);
                }

                if (filled > 0)
                {
                    sha256?.AppendData(buffer, 0, filled);
                    await RandomAccess.WriteAsync(file, buffer.AsMemory(0, filled), position + written, CancellationToken.None);
                    Durability.StartWriteBack(file, position + written, filled);
                    written += filled;
                }

                if (ended || broke)
                {
                    return (written, broke, false, sha256?.GetHashAndReset());
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads until <paramref name="block"/> is full, the chunk ends, or the read breaks off (what came is kept).</summary>
    private static async Task<(int Filled, bool Ended, bool Broke)> FillAsync(Stream chunk, Memory<byte> block, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < block.Length)
        {
            int read;
            try
            {
                read = await chunk.ReadAsync(block[filled..], cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException)
            {
                return (filled, false, true);
            }

            if (read == 0)
            {
                return (filled, true, false);
            }

            filled += read;
        }

        return (filled, false, false);
    }

    /// <summary>
    /// The offset to continue from: what this process wrote past the checkpoint, while the record still holds the
    /// checkpoint it was written after and the file still holds those bytes; the checkpoint otherwise.
    /// </summary>
    private long ReceivedOffset(UploadId id, NewUpload upload, long checkpoint)
    {
        if (!_received.TryGetValue(id, out var received))
        {
            return checkpoint;
        }

        var bytes = BytesOf(upload);
        if (received.Checkpoint == checkpoint && File.Exists(bytes) && new FileInfo(bytes).Length >= received.Offset)
        {
            return received.Offset;
        }

        _received.TryRemove(id, out _);
        return checkpoint;
    }

    private string FolderOf(UploadId id) => Path.Combine(_root, id.Value);

    /// <summary>The safe name is one path segment by construction (<see cref="UploadFileName.Safe"/>); checked again here.</summary>
    private string BytesOf(NewUpload upload) =>
        upload.SafeName == UploadFileName.Safe(upload.SafeName)
            ? Path.Combine(FolderOf(upload.Id), BytesFolder, upload.SafeName)
            : throw new IOException($"'{upload.SafeName}' is not a safe file name.");

    /// <summary>Bytes acknowledged up to <see cref="Offset"/>, written after the record's <see cref="Checkpoint"/> and not yet flushed.</summary>
    private sealed record ReceivedPastCheckpoint(long Offset, long Checkpoint);
}
