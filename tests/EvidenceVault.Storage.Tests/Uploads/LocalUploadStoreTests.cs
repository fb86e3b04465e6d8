using System.Runtime.Versioning;
using EvidenceVault.Application.Uploads;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Uploads;
using EvidenceVault.Storage.Tests.Vault;
using EvidenceVault.Storage.Uploads;
using EvidenceVault.Storage.Vault;
using EvidenceVault.Testing.Uploads;

namespace EvidenceVault.Storage.Tests.Uploads;

[UnsupportedOSPlatform("windows")]
public sealed class LocalUploadStoreTests : UploadStoreContractTests, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ev-uploads-").FullName;
    private readonly LocalUploadStore _store;

    // The contract runs on the default checkpoint (64 MiB, so its small chunks are acknowledged before they are flushed).
    public LocalUploadStoreTests() => _store = new LocalUploadStore(_root, new UploadLimits().CheckpointBytes);

    protected override IUploadStore Store => _store;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Find_BytesOnDiskPastTheRecordedOffset_AreNotCounted()
    {
        var store = CheckpointEvery(1);
        var upload = await CreateAsync();
        await store.AppendAsync(upload.Id, 0, new MemoryStream(Bytes[..4000]), null, Ct);

        // What a crash between the write and the offset update leaves: bytes written, offset not yet moved.
        await File.AppendAllBytesAsync(BytesPath(upload), Bytes[4000..6000]);
        await AssertContinuesFrom4000Async(CheckpointEvery(1), upload);
    }

    [Fact]
    public async Task Append_BelowTheCheckpoint_AcknowledgedAndARestartResumesFromTheLastCheckpoint()
    {
        var store = CheckpointEvery(4000);
        var upload = await CreateAsync();

        var first = await store.AppendAsync(upload.Id, 0, new MemoryStream(Bytes[..1000]), null, Ct);
        var acknowledged = await store.FindAsync(upload.Id, Ct);
        var notFlushed = await CheckpointEvery(4000).FindAsync(upload.Id, Ct);
        var second = await store.AppendAsync(upload.Id, 1000, new MemoryStream(Bytes[1000..4000]), null, Ct);
        var third = await store.AppendAsync(upload.Id, 4000, new MemoryStream(Bytes[4000..5000]), null, Ct);

        Assert.Equal((1000, 1000, 0), (first.Offset, acknowledged!.Offset, notFlushed!.Offset));
        Assert.Equal((4000, 5000), (second.Offset, third.Offset));
        await AssertContinuesFrom4000Async(CheckpointEvery(4000), upload);
    }

    [Fact]
    public async Task Append_LastByteOrABrokenOffTransfer_IsAlwaysACheckpoint()
    {
        var store = CheckpointEvery(long.MaxValue);
        var whole = await CreateAsync();
        var broken = await CreateAsync();

        await store.AppendAsync(whole.Id, 0, new MemoryStream(Bytes), null, Ct);
        await store.AppendAsync(broken.Id, 0, new BreakingStream(Bytes[..3000]), null, Ct);

        var restarted = CheckpointEvery(long.MaxValue);
        Assert.Equal(Bytes.Length, (await restarted.FindAsync(whole.Id, Ct))!.Offset);
        Assert.Equal(3000, (await restarted.FindAsync(broken.Id, Ct))!.Offset);
    }

    [Fact]
    public async Task Find_AnotherProcessMovedTheCheckpoint_ForgetsWhatThisOneWroteAfterTheOldOne()
    {
        var store = CheckpointEvery(long.MaxValue);
        var upload = await CreateAsync();
        await store.AppendAsync(upload.Id, 0, new MemoryStream(Bytes[..1000]), null, Ct);

        // A second process took the upload over from the checkpoint (0) and flushed to 4000 in the meantime.
        await CheckpointEvery(1).AppendAsync(upload.Id, 0, new MemoryStream(Bytes[..4000]), null, Ct);

        await AssertContinuesFrom4000Async(store, upload);
    }

    [Fact]
    public async Task Find_NewestOffsetSlotTornByACrash_ReportsTheOffsetBeforeAndTheUploadContinues()
    {
        var store = CheckpointEvery(1);
        var upload = await CreateAsync();
        await store.AppendAsync(upload.Id, 0, new MemoryStream(Bytes[..4000]), null, Ct);
        await store.AppendAsync(upload.Id, 4000, new MemoryStream(Bytes[4000..6000]), null, Ct);

        // The record's second write (offset 6000) went to the first slot; a crash tearing that write leaves garbage there.
        await using (var record = File.OpenWrite(OffsetPath(upload)))
        {
            await record.WriteAsync(new byte[] { 0x36, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8 }, Ct);
        }

        await AssertContinuesFrom4000Async(CheckpointEvery(1), upload);
    }

    [Fact]
    public async Task Find_BothOffsetSlotsDamaged_NamesTheRecord()
    {
        var upload = await CreateAsync();
        await File.WriteAllBytesAsync(OffsetPath(upload), new byte[4096 + 16], Ct);

        var error = await Assert.ThrowsAsync<IOException>(() => _store.FindAsync(upload.Id, Ct));

        Assert.Contains($"{OffsetPath(upload)} holds no valid offset", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Find_OffsetWrittenAsTextByAnEarlierVersion_IsReadAndTheUploadContinues()
    {
        var upload = await CreateAsync();
        await CheckpointEvery(1).AppendAsync(upload.Id, 0, new MemoryStream(Bytes[..4000]), null, Ct);
        await File.WriteAllTextAsync(OffsetPath(upload), "4000", Ct);

        var restarted = CheckpointEvery(1);
        await AssertContinuesFrom4000Async(restarted, upload);
        Assert.Equal(Bytes.Length, (await restarted.FindAsync(upload.Id, Ct))!.Offset);
    }

    [Fact]
    public async Task Complete_VaultOnTheSameDisk_AdoptsTheReceivedFileItselfAndTheOutcomeStillRecords()
    {
        var upload = await CreateAsync();
        await _store.AppendAsync(upload.Id, 0, new MemoryStream(Bytes), null, Ct);
        var inode = LocalFileVaultAdoptionTests.Inode(BytesPath(upload));
        var vault = new LocalFileVault(new LocalVaultOptions(Path.Combine(_root, "vault")), TimeProvider.System);

        var staged = await _store.CompleteAsync(upload.Id, Ct);
        var adoption = await vault.AdoptOriginalAsync(staged, Ct);
        await _store.RecordOutcomeAsync(upload.Id, new UploadOutcome("stored", "r", null), keepBytes: false, Ct);

        Assert.Equal(AdoptionMethod.Moved, adoption.Method);
        Assert.False(File.Exists(BytesPath(upload)));
        var stored = await vault.CheckoutOriginalAsync(upload.Upload.DeclaredSha256, Ct);
        Assert.Equal(inode, LocalFileVaultAdoptionTests.Inode(stored.Path));
        Assert.Equal(Bytes, await File.ReadAllBytesAsync(stored.Path));
        Assert.Equal("stored", (await _store.FindAsync(upload.Id, Ct))!.Outcome!.Status);
    }

    protected override Task<UploadId> SimulateInterruptedCreationAsync()
    {
        var interrupted = UploadId.New();
        Directory.CreateDirectory(Path.Combine(_root, interrupted.Value, "file"));
        return Task.FromResult(interrupted);
    }

    /// <summary>The upload is found at offset 4000, takes the rest of the bytes from there, and ends whole.</summary>
    private async Task AssertContinuesFrom4000Async(LocalUploadStore store, UploadState upload)
    {
        var found = await store.FindAsync(upload.Id, Ct);
        var appended = await store.AppendAsync(upload.Id, 4000, new MemoryStream(Bytes[4000..]), null, Ct);

        Assert.Equal(4000, found!.Offset);
        Assert.Equal(Bytes.Length, appended.Offset);
        Assert.Equal(Bytes, await File.ReadAllBytesAsync(BytesPath(upload)));
    }

    /// <summary>A store over the same folder, as a process (re)started now sees it.</summary>
    private LocalUploadStore CheckpointEvery(long bytes) => new(_root, bytes);

    private string BytesPath(UploadState upload) => Path.Combine(_root, upload.Id.Value, "file", "clip.mp4");

    private string OffsetPath(UploadState upload) => Path.Combine(_root, upload.Id.Value, "offset");
}
