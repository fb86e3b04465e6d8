using System.Security.Cryptography;
using EvidenceVault.Application.Uploads;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Uploads;

namespace EvidenceVault.Application.Tests.Uploads;

public sealed class ReceivedDigestsTests : IDisposable
{
    private static readonly byte[] File = RandomNumberGenerator.GetBytes(3000);
    private readonly ReceivedDigests _digests = new();
    private readonly UploadId _id = UploadId.New();

    public void Dispose() => _digests.Dispose();

    [Fact]
    public async Task Take_EveryChunkReadAndKeptInOrder_DigestOfTheWholeFile()
    {
        await StoreAsync(0, 1000, kept: 1000);
        await StoreAsync(1000, 2000, kept: 2000);
        await StoreAsync(2000, 3000, kept: 3000);

        Assert.Equal(Sha256Digest.FromBytes(SHA256.HashData(File)), _digests.Take(_id, File.Length));
        Assert.Null(_digests.Take(_id, File.Length));
    }

    [Fact]
    public async Task Take_ABrokenOffChunkKeptInPartAndResumed_DigestOfTheWholeFile()
    {
        await StoreAsync(0, 1500, kept: 1500);
        await StoreAsync(1500, 3000, kept: 3000);

        Assert.Equal(Sha256Digest.FromBytes(SHA256.HashData(File)), _digests.Take(_id, File.Length));
    }

    [Fact]
    public async Task Take_AChunkReadButDroppedByTheStore_NothingSoCompletionReadsTheFile()
    {
        await StoreAsync(0, 1000, kept: 1000);
        await StoreAsync(1000, 2000, kept: 1000);
        await StoreAsync(1000, 3000, kept: 3000);

        Assert.Null(_digests.Take(_id, File.Length));
    }

    [Fact]
    public async Task Take_FirstBytesArrivedBeforeThisProcess_NothingSoCompletionReadsTheFile()
    {
        await StoreAsync(1000, 3000, kept: 3000);

        Assert.Null(_digests.Take(_id, File.Length));
    }

    [Fact]
    public async Task Take_UploadNotComplete_Nothing()
    {
        await StoreAsync(0, 2000, kept: 2000);

        Assert.Null(_digests.Take(_id, File.Length));
    }

    /// <summary>What the store does: read the chunk from <paramref name="from"/> to <paramref name="to"/>, then keep up to <paramref name="kept"/>.</summary>
    private async Task StoreAsync(int from, int to, long kept)
    {
        await using var chunk = _digests.Track(_id, from, new MemoryStream(File[from..to]));
        var buffer = new byte[700];
        while (await chunk.ReadAsync(buffer) > 0)
        {
        }

        _digests.Settle(_id, kept);
    }
}
