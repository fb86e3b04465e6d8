using EvidenceVault.Application.Diagnostics;
using EvidenceVault.Application.Jobs;
using EvidenceVault.Application.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EvidenceVault.Application.Tests.Jobs;

/// <summary>Work longer than a lease keeps its lease; work whose lease another worker took over stops.</summary>
public sealed class LeaseRenewalTests : IDisposable
{
    private static readonly WorkerIdentity Worker = new("host:1:1:w1");
    private readonly InMemoryJobQueue _queue = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly EvidenceVaultMetrics _metrics;
    private readonly LongHandler _handler = new();

    public LeaseRenewalTests() => _metrics = new EvidenceVaultMetrics(_queue, TimeProvider.System);

    [Fact]
    public async Task RunNextAsync_WorkLastingThreeLeases_LeaseRenewedAheadEachTimeThenDoneOnce()
    {
        await _queue.EnqueueAsync(JobKind.Media, "long", _time.GetUtcNow(), CancellationToken.None);
        var run = Runner().RunNextAsync(Worker, null, CancellationToken.None);
        await _handler.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var leaseEnds = new List<DateTimeOffset?>();
        for (var elapsed = TimeSpan.Zero; elapsed < 3 * JobRunner.Lease; elapsed += JobRunner.RenewEvery)
        {
            _time.Advance(JobRunner.RenewEvery);
            // Each renewal moves the end a whole lease past now, so the lease never runs out while the work goes on.
            var expected = _time.GetUtcNow() + JobRunner.Lease;
            await WaitForAsync(() => _queue[1].LeaseUntil == expected);
            leaseEnds.Add(_queue[1].LeaseUntil);
        }

        _handler.Finish.SetResult();

        Assert.Equal(JobOutcome.Done, await run.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(9, leaseEnds.Distinct().Count());
        Assert.Equal((JobState.Done, 1), (_queue[1].State, _queue[1].Attempts));
    }

    [Fact]
    public async Task RunNextAsync_LeaseTakenOverDuringTheWork_WorkCancelledNeitherCompletedNorReleased()
    {
        await _queue.EnqueueAsync(JobKind.Media, "long", _time.GetUtcNow(), CancellationToken.None);
        var run = Runner().RunNextAsync(Worker, null, CancellationToken.None);
        await _handler.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _queue.LoseLeases = true;

        _time.Advance(JobRunner.RenewEvery);

        Assert.Equal(JobOutcome.LeaseLost, await run.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(_handler.Cancelled);
        Assert.Equal(JobState.Leased, _queue[1].State);
        Assert.Empty(_queue.Released);
    }

    public void Dispose() => _metrics.Dispose();

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }

    private JobRunner Runner() => new(_queue, [_handler], _metrics, _time, NullLogger<JobRunner>.Instance);

    /// <summary>Runs until told to finish, or until cancelled.</summary>
    private sealed class LongHandler : IJobHandler
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Finish { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Cancelled { get; private set; }

        public JobKind Kind => JobKind.Media;

        public async Task RunAsync(JobLease job, CancellationToken cancellationToken)
        {
            Started.SetResult();
            try
            {
                await Finish.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Cancelled = true;
                throw;
            }
        }

        public Task GiveUpAsync(JobLease job, string error, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
