namespace EvidenceVault.Storage.Tests.Catalog;

public sealed class MediaJobQueueTests : CatalogTestBase
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(30);

    [Fact]
    public async Task ClaimMediaJobAsync_LeasedJob_IsNotClaimedTwice()
    {
        await IngestAsync(Recording(1));

        var first = await Catalog.ClaimMediaJobAsync(Now, Lease, CancellationToken.None);
        var second = await Catalog.ClaimMediaJobAsync(Now, Lease, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Equal(1, first.Attempt);
        Assert.Null(second);
    }

    [Fact]
    public async Task ClaimMediaJobAsync_LeaseExpired_ClaimsAgainWithNextAttempt()
    {
        await IngestAsync(Recording(1));
        await Catalog.ClaimMediaJobAsync(Now, Lease, CancellationToken.None);

        var again = await Catalog.ClaimMediaJobAsync(Now + Lease + TimeSpan.FromSeconds(1), Lease, CancellationToken.None);

        Assert.Equal(2, again?.Attempt);
    }

    [Fact]
    public async Task FailMediaJobAsync_WithRetryTime_WaitsUntilThen()
    {
        await IngestAsync(Recording(1));
        var job = await Catalog.ClaimMediaJobAsync(Now, Lease, CancellationToken.None);

        await Catalog.FailMediaJobAsync(job!, "ffmpeg crashed", Now.AddMinutes(5), CancellationToken.None);

        Assert.Null(await Catalog.ClaimMediaJobAsync(Now.AddMinutes(4), Lease, CancellationToken.None));
        Assert.NotNull(await Catalog.ClaimMediaJobAsync(Now.AddMinutes(5), Lease, CancellationToken.None));
    }

    [Fact]
    public async Task FailMediaJobAsync_LastAttempt_IsDeadAndNoLongerPending()
    {
        await IngestAsync(Recording(1));
        var job = await Catalog.ClaimMediaJobAsync(Now, Lease, CancellationToken.None);

        await Catalog.FailMediaJobAsync(job!, "gave up", retryAt: null, CancellationToken.None);

        Assert.Equal(0, await Catalog.CountPendingMediaJobsAsync(CancellationToken.None));
        Assert.Null(await Catalog.ClaimMediaJobAsync(Now.AddYears(1), Lease, CancellationToken.None));
    }

    [Fact]
    public async Task ClaimMediaJobAsync_LeaseOfKilledProcess_IsTakenBackAtOnce()
    {
        await IngestAsync(Recording(1));
        await using (var connection = await OpenRawAsync())
        {
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE media_jobs SET state = 'leased', lease_until = '9999-01-01T00:00:00.0000000Z', lease_owner = $owner";
            command.Parameters.AddWithValue("$owner", $"{Environment.MachineName}:{int.MaxValue - 7}:123");
            await command.ExecuteNonQueryAsync();
        }

        Assert.NotNull(await Catalog.ClaimMediaJobAsync(Now, Lease, CancellationToken.None));
    }

    [Fact]
    public async Task CompleteMediaJobAsync_Done_IsNotClaimedAgain()
    {
        await IngestAsync(Recording(1));
        var job = await Catalog.ClaimMediaJobAsync(Now, Lease, CancellationToken.None);

        await Catalog.CompleteMediaJobAsync(job!, CancellationToken.None);

        Assert.Null(await Catalog.ClaimMediaJobAsync(Now.AddYears(1), Lease, CancellationToken.None));
    }

    private async Task<Microsoft.Data.Sqlite.SqliteConnection> OpenRawAsync()
    {
        var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Database.Path}");
        await connection.OpenAsync();
        return connection;
    }
}
