using System.Security.Cryptography;
using EvidenceVault.Application.Uploads;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Uploads;
using EvidenceVault.Storage.Tests.Vault;
using EvidenceVault.Storage.Uploads;
using EvidenceVault.Storage.Vault;

namespace EvidenceVault.Storage.Tests.Uploads;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LocalUploadStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly string _root = Directory.CreateTempSubdirectory("ev-uploads-").FullName;
    private readonly LocalUploadStore _store;
    private readonly byte[] _bytes = RandomNumberGenerator.GetBytes(10_000);

    public LocalUploadStoreTests() => _store = new LocalUploadStore(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Find_BytesOnDiskPastTheRecordedOffset_AreNotCounted()
    {
        var upload = await CreateAsync();
        await _store.AppendAsync(upload.Id, 0, new MemoryStream(_bytes[..4000]), null, CancellationToken.None);

        // What a crash between the write and the offset update leaves: bytes written, offset not yet moved.
        await File.AppendAllBytesAsync(BytesPath(upload), _bytes[4000..6000]);
        var found = await _store.FindAsync(upload.Id, CancellationToken.None);
        var appended = await _store.AppendAsync(upload.Id, 4000, new MemoryStream(_bytes[4000..]), null, CancellationToken.None);

        Assert.Equal(4000, found!.Offset);
        Assert.Equal(_bytes.Length, appended.Offset);
        Assert.Equal(_bytes, await File.ReadAllBytesAsync(BytesPath(upload)));
    }

    [Fact]
    public async Task Append_ChecksumMismatch_KeepsNothingOfTheChunk()
    {
        var upload = await CreateAsync();
        await _store.AppendAsync(upload.Id, 0, new MemoryStream(_bytes[..1000]), null, CancellationToken.None);

        await Assert.ThrowsAsync<ChunkChecksumMismatchException>(() => _store.AppendAsync(upload.Id, 1000, new MemoryStream(_bytes[1000..3000]), new byte[32], CancellationToken.None));

        Assert.Equal(1000, (await _store.FindAsync(upload.Id, CancellationToken.None))!.Offset);
        Assert.Equal(1000, new FileInfo(BytesPath(upload)).Length);
    }

    [Fact]
    public async Task Append_MoreBytesThanDeclared_RefusedAndNothingKept()
    {
        var upload = await CreateAsync();

        await Assert.ThrowsAsync<UploadTooLargeException>(() => _store.AppendAsync(upload.Id, 0, new MemoryStream([.. _bytes, 1]), null, CancellationToken.None));

        Assert.Equal(0, (await _store.FindAsync(upload.Id, CancellationToken.None))!.Offset);
    }

    [Fact]
    public async Task Append_StreamBreaksOff_KeepsWhatArrivedUnlessAChecksumWasGiven()
    {
        var upload = await CreateAsync();

        var plain = await _store.AppendAsync(upload.Id, 0, new BreakingStream(_bytes[..3000]), null, CancellationToken.None);
        var checkedChunk = await _store.AppendAsync(upload.Id, 3000, new BreakingStream(_bytes[3000..5000]), SHA256.HashData(_bytes.AsSpan(3000, 4000)), CancellationToken.None);

        Assert.Equal(new AppendResult(3000, Interrupted: true), plain);
        Assert.Equal(new AppendResult(3000, Interrupted: true), checkedChunk);
        Assert.Equal(3000, (await _store.FindAsync(upload.Id, CancellationToken.None))!.Offset);
    }

    [Fact]
    public async Task ListExpired_PastExpiryAndInterruptedCreations_AreListed()
    {
        var upload = await CreateAsync();
        var interrupted = UploadId.New();
        Directory.CreateDirectory(Path.Combine(_root, interrupted.Value, "file"));

        Assert.Equal([interrupted], await _store.ListExpiredAsync(Now, CancellationToken.None));
        Assert.Equal(2, (await _store.ListExpiredAsync(upload.Upload.ExpiresAt, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Complete_VaultOnTheSameDisk_AdoptsTheReceivedFileItselfAndTheOutcomeStillRecords()
    {
        var upload = await CreateAsync();
        await _store.AppendAsync(upload.Id, 0, new MemoryStream(_bytes), null, CancellationToken.None);
        var inode = LocalFileVaultAdoptionTests.Inode(BytesPath(upload));
        var vault = new LocalFileVault(new LocalVaultOptions(Path.Combine(_root, "vault")), TimeProvider.System);

        var staged = await _store.CompleteAsync(upload.Id, CancellationToken.None);
        var adoption = await vault.AdoptOriginalAsync(staged, CancellationToken.None);
        await _store.RecordOutcomeAsync(upload.Id, new UploadOutcome("stored", "r", null), keepBytes: false, CancellationToken.None);

        Assert.Equal(AdoptionMethod.Moved, adoption.Method);
        Assert.False(File.Exists(BytesPath(upload)));
        var stored = await vault.CheckoutOriginalAsync(upload.Upload.DeclaredSha256, CancellationToken.None);
        Assert.Equal(inode, LocalFileVaultAdoptionTests.Inode(stored.Path));
        Assert.Equal(_bytes, await File.ReadAllBytesAsync(stored.Path));
        Assert.Equal("stored", (await _store.FindAsync(upload.Id, CancellationToken.None))!.Outcome!.Status);
    }

    private Task<UploadState> CreateAsync() => _store.CreateAsync(
        new NewUpload
        {
            Id = UploadId.New(),
            Length = _bytes.Length,
            ClientName = "../clip.mp4",
            SafeName = "clip.mp4",
            DeclaredSha256 = Sha256Digest.FromBytes(SHA256.HashData(_bytes)),
            Owner = "officer",
            CreatedAt = Now,
            ExpiresAt = Now.AddHours(24),
        },
        CancellationToken.None);

    private string BytesPath(UploadState upload) => Path.Combine(_root, upload.Id.Value, "file", "clip.mp4");

    /// <summary>Hands out its bytes, then fails like a dropped connection.</summary>
    private sealed class BreakingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            return read > 0 ? read : throw new IOException("connection reset");
        }
    }
}
