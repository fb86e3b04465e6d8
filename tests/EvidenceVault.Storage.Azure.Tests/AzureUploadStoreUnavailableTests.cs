using System.Diagnostics;
using System.Security.Cryptography;
using EvidenceVault.Application.Uploads;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Uploads;
using EvidenceVault.Storage.Azure.Uploads;
using EvidenceVault.Testing.Azure;
using Polly.CircuitBreaker;

namespace EvidenceVault.Storage.Azure.Tests;

/// <summary>An upload store whose storage cannot be reached (nothing listens on 127.0.0.1:1): a tus client must get
/// "try again later", not an Azure exception, and after a few failures the answer must come without touching the network.</summary>
public sealed class AzureUploadStoreUnavailableTests
{
    private static readonly TimeSpan Break = TimeSpan.FromSeconds(20);
    private static readonly CancellationToken Ct = CancellationToken.None;

    private readonly AzureUploadStore _store = new(
        new AzureUploadStoreOptions
        {
            ConnectionString = AzuriteAccount.Unreachable,
            MaxRetries = 0,
            NetworkTimeout = TimeSpan.FromSeconds(2),
            BreakDuration = Break,
        },
        TimeProvider.System);

    [Fact]
    public async Task EveryOperation_UnreachableStorage_ThrowsUnavailableNamingTheStep()
    {
        var id = UploadId.New();

        var created = await Assert.ThrowsAsync<UploadStoreUnavailableException>(() => _store.CreateAsync(Upload(id), Ct));
        var found = await Assert.ThrowsAsync<UploadStoreUnavailableException>(() => _store.FindAsync(id, Ct));
        var appended = await Assert.ThrowsAsync<UploadStoreUnavailableException>(() => _store.AppendAsync(id, 0, new MemoryStream(new byte[10]), null, Ct));
        await Assert.ThrowsAsync<UploadStoreUnavailableException>(() => _store.ListOpenAsync(Ct));
        await Assert.ThrowsAsync<UploadStoreUnavailableException>(() => _store.DeleteAsync(id, Ct));

        Assert.Contains($"create upload {id}", created.Message, StringComparison.Ordinal);
        Assert.Contains($"read upload {id}", found.Message, StringComparison.Ordinal);
        Assert.Contains($"append to upload {id}", appended.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", created.Message, StringComparison.Ordinal);
        Assert.True(created.RetryAfter > TimeSpan.Zero);
    }

    [Fact]
    public async Task FindAsync_RepeatedFailures_BreakerOpensFailsFastAndNamesTheEndOfTheBreak()
    {
        var id = UploadId.New();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await Assert.ThrowsAsync<UploadStoreUnavailableException>(() => _store.FindAsync(id, Ct));
        }

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<UploadStoreUnavailableException>(() => _store.FindAsync(id, Ct));

        Assert.IsType<BrokenCircuitException>(error.InnerException);
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(500), $"an open breaker must not touch the network; took {clock.Elapsed}");
        Assert.InRange(error.RetryAfter, Break - TimeSpan.FromSeconds(10), Break);
    }

    [Theory]
    [InlineData(-1, 30, 30)]
    [InlineData(2, 0, 30)]
    [InlineData(2, 30, 0)]
    public void Constructor_NonsenseTimings_AreRefused(int retries, int networkSeconds, int breakSeconds) =>
        Assert.ThrowsAny<ArgumentException>(() => new AzureUploadStore(
            new AzureUploadStoreOptions
            {
                ConnectionString = AzuriteAccount.Unreachable,
                MaxRetries = retries,
                NetworkTimeout = TimeSpan.FromSeconds(networkSeconds),
                BreakDuration = TimeSpan.FromSeconds(breakSeconds),
            },
            TimeProvider.System));

    private static NewUpload Upload(UploadId id) => new()
    {
        Id = id,
        Length = 10,
        ClientName = "clip.mp4",
        SafeName = "clip.mp4",
        DeclaredSha256 = Sha256Digest.FromBytes(SHA256.HashData(new byte[10])),
        Owner = "officer",
        CreatedAt = DateTimeOffset.UnixEpoch,
        ExpiresAt = DateTimeOffset.UnixEpoch.AddDays(1),
    };
}
