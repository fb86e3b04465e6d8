using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Jobs;
using EvidenceVault.Storage.Catalog;

namespace EvidenceVault.Storage.Tests.Catalog;

public abstract class JobQueueTests : CatalogTestBase
{
    private const string Me = "host:1:1:me";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(30);

    protected JobQueueTests(CatalogEngine engine)
        : base(engine) => Queue = new SqlJobQueue(Database);

    private SqlJobQueue Queue { get; }

    [Fact]
    public async Task ClaimAsync_LeasedJob_IsNotClaimedTwice()
    {
        await IngestAsync(Recording(1));

        var first = await Queue.ClaimAsync(Me, null, Now, Lease, CancellationToken.None);
        var second = await Queue.ClaimAsync("host:1:1:other", null, Now, Lease, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Equal((JobKind.Media, 1), (first.Kind, first.Attempt));
        Assert.Equal(Recording(1).Id.Value, first.Subject);
        Assert.Null(second);
    }

    [Fact]
    public async Task ClaimAsync_SeveralDue_OldestDueFirstThenById()
    {
        await Queue.EnqueueAsync(JobKind.Link, "late", Now.AddMinutes(2), CancellationToken.None);
        await Queue.EnqueueAsync(JobKind.Link, "b", Now, CancellationToken.None);
        await Queue.EnqueueAsync(JobKind.Link, "a", Now, CancellationToken.None);
        await Queue.EnqueueAsync(JobKind.Link, "future", Now.AddHours(1), CancellationToken.None);

        var order = new List<string>();
        while (await Queue.ClaimAsync(Me, null, Now.AddMinutes(5), Lease, CancellationToken.None) is { } job)
        {
            order.Add(job.Subject);
        }

        Assert.Equal(["b", "a", "late"], order);
    }

    [Fact]
    public async Task ClaimAsync_KindsGiven_ClaimsOnlyThoseKinds()
    {
        await Queue.EnqueueAsync(JobKind.Fixity, "fixity", Now, CancellationToken.None);
        await Queue.EnqueueAsync(JobKind.Link, "r1", Now.AddSeconds(1), CancellationToken.None);

        var job = await Queue.ClaimAsync(Me, JobRunner.RecordingWork, Now.AddMinutes(1), Lease, CancellationToken.None);

        Assert.Equal(JobKind.Link, job?.Kind);
        Assert.Null(await Queue.ClaimAsync(Me, JobRunner.RecordingWork, Now.AddMinutes(1), Lease, CancellationToken.None));
    }

    [Fact]
    public async Task EnqueueAsync_SameKindAndSubjectOpen_AddsNothing()
    {
        Assert.True(await Queue.EnqueueAsync(JobKind.Link, "r1", Now, CancellationToken.None));
        Assert.False(await Queue.EnqueueAsync(JobKind.Link, "r1", Now, CancellationToken.None));
        var job = await Queue.ClaimAsync(Me, null, Now, Lease, CancellationToken.None);
        await Queue.CompleteAsync(job!, Now, CancellationToken.None);

        Assert.True(await Queue.EnqueueAsync(JobKind.Link, "r1", Now, CancellationToken.None));
    }

    [Fact]
    public async Task ClaimAsync_LeaseExpired_TakenOverWithNextAttempt()
    {
        await IngestAsync(Recording(1));
        await Queue.ClaimAsync(Me, null, Now, Lease, CancellationToken.None);

        var again = await Queue.ClaimAsync("host:1:1:other", null, Now + Lease + TimeSpan.FromSeconds(1), Lease, CancellationToken.None);

        Assert.Equal((2, "host:1:1:other"), (again?.Attempt, again?.Owner));
    }

    [Fact]
    public async Task CompleteAsync_LeaseTakenOver_OnlyTheNewHolderCompletes()
    {
        await IngestAsync(Recording(1));
        var stale = await Queue.ClaimAsync(Me, null, Now, Lease, CancellationToken.None);
        var holder = await Queue.ClaimAsync("host:1:1:other", null, Now + Lease + TimeSpan.FromSeconds(1), Lease, CancellationToken.None);

        Assert.False(await Queue.CompleteAsync(stale!, Now, CancellationToken.None));
        Assert.False(await Queue.FailAsync(stale!, "late", Now, null, CancellationToken.None));
        Assert.Equal(JobState.Leased, (await Queue.FindAsync(holder!.Id, CancellationToken.None))?.State);
        Assert.True(await Queue.CompleteAsync(holder, Now, CancellationToken.None));
        Assert.False(await Queue.CompleteAsync(holder, Now, CancellationToken.None));
        Assert.Equal(JobState.Done, (await Queue.FindAsync(holder.Id, CancellationToken.None))?.State);
    }

    [Fact]
    public async Task FailAsync_WithRetryTime_WaitsUntilThen()
    {
        await IngestAsync(Recording(1));
        var job = await Queue.ClaimAsync(Me, null, Now, Lease, CancellationToken.None);

        Assert.True(await Queue.FailAsync(job!, "ffmpeg crashed", Now, Now.AddMinutes(5), CancellationToken.None));

        Assert.Null(await Queue.ClaimAsync(Me, null, Now.AddMinutes(4), Lease, CancellationToken.None));
        Assert.Equal(2, (await Queue.ClaimAsync(Me, null, Now.AddMinutes(5), Lease, CancellationToken.None))?.Attempt);
    }

    [Fact]
    public async Task FailAsync_PoisonAfterMaxAttempts_DeadWithLastErrorAndCounted()
    {
        await IngestAsync(Recording(1));
        var at = Now;
        for (var attempt = 1; attempt <= JobRunner.MaxAttempts; attempt++)
        {
            var job = await Queue.ClaimAsync(Me, null, at, Lease, CancellationToken.None);
            Assert.Equal(attempt, job?.Attempt);
            var last = attempt == JobRunner.MaxAttempts;
            await Queue.FailAsync(job!, $"failure {attempt}", at, last ? null : at.AddMinutes(1), CancellationToken.None);
            at = at.AddMinutes(1);
        }

        Assert.Null(await Queue.ClaimAsync(Me, null, Now.AddYears(1), Lease, CancellationToken.None));
        var dead = Assert.Single(await Queue.ListAsync(JobState.Dead, 10, CancellationToken.None));
        Assert.Equal(("failure 5", 5), (dead.LastError, dead.Attempts));
        var stats = await Queue.StatsAsync(at, CancellationToken.None);
        Assert.Equal((0, 1), (stats.OpenOf(JobKind.Media), stats.DeadTotal));
    }

    [Fact]
    public async Task RetryAsync_DeadJob_PendingAgainWithCustodyEntry()
    {
        await IngestAsync(Recording(1));
        var job = await Queue.ClaimAsync(Me, null, Now, Lease, CancellationToken.None);
        await Queue.FailAsync(job!, "gave up", Now, null, CancellationToken.None);
        var entry = new CustodyEntry(Now, "archivist", CustodyActions.JobRetried, job!.Subject, "{}");

        Assert.True(await Queue.RetryAsync(job.Id, Now.AddHours(1), entry, CancellationToken.None));
        Assert.False(await Queue.RetryAsync(job.Id, Now.AddHours(1), entry, CancellationToken.None));

        Assert.Equal(1, (await Queue.ClaimAsync(Me, null, Now.AddHours(1), Lease, CancellationToken.None))?.Attempt);
        Assert.Single(await Custody.ReadAsync(job.Subject, CancellationToken.None), r => r.Entry.Action == CustodyActions.JobRetried);
    }

    [Fact]
    public async Task ReleaseAsync_Stopping_PendingAgainWithoutSpendingTheAttempt()
    {
        await IngestAsync(Recording(1));
        var job = await Queue.ClaimAsync(Me, null, Now, Lease, CancellationToken.None);

        Assert.True(await Queue.ReleaseAsync(job!, CancellationToken.None));

        Assert.Equal(1, (await Queue.ClaimAsync("host:1:1:other", null, Now, Lease, CancellationToken.None))?.Attempt);
    }

    [Fact]
    public async Task ClaimAsync_LeaseOfKilledProcess_IsTakenBackAtOnce()
    {
        await IngestAsync(Recording(1));
        var gone = $"{Environment.MachineName}:{int.MaxValue - 7}:123:w1";
        Assert.NotNull(await Queue.ClaimAsync(gone, null, Now, Lease, CancellationToken.None));

        Assert.NotNull(await Queue.ClaimAsync(Me, null, Now, Lease, CancellationToken.None));
    }

    [Fact]
    public async Task ClaimAsync_LeaseOfAnotherLiveProcess_IsLeftAlone()
    {
        await IngestAsync(Recording(1));
        using var other = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sleep", "30"))!;
        try
        {
            await Queue.ClaimAsync($"{Environment.MachineName}:{other.Id}:{other.StartTime.Ticks}:w1", null, Now, Lease, CancellationToken.None);

            Assert.Null(await Queue.ClaimAsync(Me, null, Now, Lease, CancellationToken.None));
        }
        finally
        {
            other.Kill();
        }
    }

    [Fact]
    public async Task ScheduleDueAsync_TwoWorkers_EachPeriodicKindEnqueuedOnce()
    {
        var first = await Queue.ScheduleDueAsync(Now, CancellationToken.None);
        var second = await new SqlJobQueue(Database).ScheduleDueAsync(Now, CancellationToken.None);

        Assert.Equal([JobKind.Retention, JobKind.Fixity], first.Order());
        Assert.Empty(second);
        Assert.Empty(await Queue.ScheduleDueAsync(Now.AddHours(1), CancellationToken.None)); // the last sweep is still waiting
        while (await Queue.ClaimAsync(Me, null, Now.AddHours(1), Lease, CancellationToken.None) is { } job)
        {
            await Queue.CompleteAsync(job, Now.AddHours(1), CancellationToken.None);
        }

        Assert.Equal([JobKind.Retention], await Queue.ScheduleDueAsync(Now.AddHours(2), CancellationToken.None));
        Assert.Equal(1, await Queue.CountOpenAsync(JobKind.Retention, CancellationToken.None));
    }

    [Fact]
    public async Task ClaimAsync_ManyParallelClaimers_NeverGetTheSameJob()
    {
        const int Jobs = 60;
        for (var i = 0; i < Jobs; i++)
        {
            await Queue.EnqueueAsync(JobKind.Link, $"r{i}", Now, CancellationToken.None);
        }

        var claimers = Enumerable.Range(0, 8).Select(c => Task.Run(async () =>
        {
            var queue = new SqlJobQueue(Database);
            var mine = new List<long>();
            while (await queue.ClaimAsync($"host:1:1:c{c}", null, Now, Lease, CancellationToken.None) is { } job)
            {
                mine.Add(job.Id);
                Assert.True(await queue.CompleteAsync(job, Now, CancellationToken.None));
            }

            return mine;
        }));
        var claimed = (await Task.WhenAll(claimers)).SelectMany(ids => ids).ToList();

        Assert.Equal(Jobs, claimed.Count);
        Assert.Equal(Jobs, claimed.Distinct().Count());
        Assert.Equal(Jobs, (await Queue.ListAsync(JobState.Done, 1000, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task RenewAsync_HolderExtendsTheLease_OthersCannotTakeItOrRenewIt()
    {
        await Queue.EnqueueAsync(JobKind.Link, "long", Now, CancellationToken.None);
        var mine = (await Queue.ClaimAsync(Me, null, Now, Lease, CancellationToken.None))!;

        var renewed = await Queue.RenewAsync(mine, Now + (2 * Lease), CancellationToken.None);
        var takenAfterFirstLease = await Queue.ClaimAsync("host:1:1:other", null, Now + Lease + TimeSpan.FromMinutes(1), Lease, CancellationToken.None);
        var staleRenewal = await Queue.RenewAsync(mine with { Attempt = mine.Attempt + 1 }, Now + (3 * Lease), CancellationToken.None);
        var takenAfterRenewedLease = await Queue.ClaimAsync("host:1:1:other", null, Now + (2 * Lease) + TimeSpan.FromMinutes(1), Lease, CancellationToken.None);
        var renewedByFormerHolder = await Queue.RenewAsync(mine, Now + (4 * Lease), CancellationToken.None);

        Assert.True(renewed);
        Assert.Null(takenAfterFirstLease);
        Assert.False(staleRenewal);
        Assert.Equal("long", takenAfterRenewedLease?.Subject);
        Assert.False(renewedByFormerHolder);
    }
}
