using System.Security.Cryptography;
using EvidenceVault.Application.Uploads;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Uploads;

namespace EvidenceVault.Testing.Uploads;

/// <summary>The behaviour every <see cref="IUploadStore"/> must show; the local and the Azure store derive from this.</summary>
public abstract class UploadStoreContractTests
{
    protected static readonly DateTimeOffset Now = new(2025, 3, 2, 8, 0, 0, TimeSpan.Zero);

    protected byte[] Bytes { get; } = RandomNumberGenerator.GetBytes(10_000);

    protected abstract IUploadStore Store { get; }

    protected static CancellationToken Ct => CancellationToken.None;

    /// <summary>Leaves what a crash during creation leaves (bytes or folders, no record) for a new upload id.</summary>
    protected abstract Task<UploadId> SimulateInterruptedCreationAsync();

    [Fact]
    public async Task Append_InChunks_OffsetMovesAndTheBytesReadBackWhole()
    {
        var upload = await CreateAsync();

        var first = await Store.AppendAsync(upload.Id, 0, new MemoryStream(Bytes[..4000]), null, Ct);
        var second = await Store.AppendAsync(upload.Id, 4000, new MemoryStream(Bytes[4000..]), SHA256.HashData(Bytes.AsSpan(4000)), Ct);

        Assert.Equal(new AppendResult(4000, false), first);
        Assert.Equal(new AppendResult(Bytes.Length, false), second);
        Assert.True((await Store.FindAsync(upload.Id, Ct))!.IsComplete);
        Assert.Equal(Bytes, await ReadAllAsync(await Store.OpenReadAsync(upload.Id, Ct)));
    }

    [Fact]
    public async Task Append_AtAStaleOffset_OffsetConflictAndNothingKept()
    {
        var upload = await CreateAsync();
        await Store.AppendAsync(upload.Id, 0, new MemoryStream(Bytes[..1000]), null, Ct);

        await Assert.ThrowsAsync<UploadOffsetConflictException>(() => Store.AppendAsync(upload.Id, 0, new MemoryStream(Bytes[..1000]), null, Ct));

        Assert.Equal(1000, (await Store.FindAsync(upload.Id, Ct))!.Offset);
    }

    [Fact]
    public async Task Append_ChecksumMismatch_KeepsNothingOfTheChunk()
    {
        var upload = await CreateAsync();
        await Store.AppendAsync(upload.Id, 0, new MemoryStream(Bytes[..1000]), null, Ct);

        await Assert.ThrowsAsync<ChunkChecksumMismatchException>(() => Store.AppendAsync(upload.Id, 1000, new MemoryStream(Bytes[1000..3000]), new byte[32], Ct));
        var next = await Store.AppendAsync(upload.Id, 1000, new MemoryStream(Bytes[1000..]), null, Ct);

        Assert.Equal(Bytes.Length, next.Offset);
        Assert.Equal(Bytes, await ReadAllAsync(await Store.OpenReadAsync(upload.Id, Ct)));
    }

    [Fact]
    public async Task Append_MoreBytesThanDeclared_RefusedAndNothingKept()
    {
        var upload = await CreateAsync();

        await Assert.ThrowsAsync<UploadTooLargeException>(() => Store.AppendAsync(upload.Id, 0, new MemoryStream([.. Bytes, 1]), null, Ct));

        Assert.Equal(0, (await Store.FindAsync(upload.Id, Ct))!.Offset);
    }

    [Fact]
    public async Task Append_StreamBreaksOff_KeepsWhatArrivedUnlessAChecksumWasGiven()
    {
        var upload = await CreateAsync();

        var plain = await Store.AppendAsync(upload.Id, 0, new BreakingStream(Bytes[..3000]), null, Ct);
        var checkedChunk = await Store.AppendAsync(upload.Id, 3000, new BreakingStream(Bytes[3000..5000]), SHA256.HashData(Bytes.AsSpan(3000, 4000)), Ct);

        Assert.Equal(new AppendResult(3000, Interrupted: true), plain);
        Assert.Equal(new AppendResult(3000, Interrupted: true), checkedChunk);
        Assert.Equal(3000, (await Store.FindAsync(upload.Id, Ct))!.Offset);
    }

    [Fact]
    public async Task Complete_AllBytes_HandsOverTheBytesUnderTheDeclaredDigest()
    {
        var upload = await CreateAsync();
        await Store.AppendAsync(upload.Id, 0, new MemoryStream(Bytes), null, Ct);

        var staged = await Store.CompleteAsync(upload.Id, Ct);

        Assert.Equal(upload.Upload.DeclaredSha256, staged.Sha256);
        Assert.Equal(Bytes.Length, staged.Length);
        Assert.True(await staged.ExistsAsync(Ct));
        Assert.Equal(Bytes, await ReadAllAsync(await staged.OpenReadAsync(Ct)));
    }

    [Fact]
    public async Task RecordOutcome_WithoutKeepingBytes_OutcomeFoundAndUploadStillComplete()
    {
        var upload = await CreateAsync();
        await Store.AppendAsync(upload.Id, 0, new MemoryStream(Bytes), null, Ct);
        var outcome = new UploadOutcome("stored", "rec-1", null);

        await Store.RecordOutcomeAsync(upload.Id, outcome, keepBytes: false, Ct);

        var found = await Store.FindAsync(upload.Id, Ct);
        Assert.Equal(outcome, found!.Outcome);
        Assert.True(found.IsComplete);
        Assert.DoesNotContain(await Store.ListOpenAsync(Ct), s => s.Id == upload.Id);
    }

    [Fact]
    public async Task ListExpired_PastExpiryAndInterruptedCreations_AreListed()
    {
        var upload = await CreateAsync();
        var interrupted = await SimulateInterruptedCreationAsync();

        Assert.Equal([interrupted], await Store.ListExpiredAsync(Now, Ct));
        Assert.Equal(2, (await Store.ListExpiredAsync(upload.Upload.ExpiresAt, Ct)).Count);
    }

    [Fact]
    public async Task Delete_Upload_NoLongerFound()
    {
        var upload = await CreateAsync();
        await Store.AppendAsync(upload.Id, 0, new MemoryStream(Bytes[..10]), null, Ct);

        await Store.DeleteAsync(upload.Id, Ct);

        Assert.Null(await Store.FindAsync(upload.Id, Ct));
    }

    protected Task<UploadState> CreateAsync() => Store.CreateAsync(
        new NewUpload
        {
            Id = UploadId.New(),
            Length = Bytes.Length,
            ClientName = "../clip.mp4",
            SafeName = "clip.mp4",
            DeclaredSha256 = Sha256Digest.FromBytes(SHA256.HashData(Bytes)),
            Owner = "officer",
            CreatedAt = Now,
            ExpiresAt = Now.AddHours(24),
        },
        Ct);

    protected static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    /// <summary>Hands out its bytes, then fails like a dropped connection.</summary>
    protected sealed class BreakingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            return read > 0 ? read : throw new IOException("connection reset");
        }
    }
}
