using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Diagnostics;
using EvidenceVault.Application.Jobs;
using EvidenceVault.Application.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EvidenceVault.Application.Tests.Jobs;

public sealed class WorkerLoopTests : IDisposable
{
    private static readonly WorkerIdentity Worker = new("host:1:1:w1");
    private readonly InMemoryJobQueue _queue = new();
    private readonly RecordingHandler _handler;
    private readonly EvidenceVaultMetrics _metrics;

    public WorkerLoopTests()
    {
        _handler = new RecordingHandler(new WorkerActorContext(new StationActor()));
        _metrics = new EvidenceVaultMetrics(_queue, TimeProvider.System);
    }

    [Fact]
    public async Task RunAsync_QueueWithJobs_RunsEachOnceAsTheWorkerThenIdlesUntilStopped()
    {
        foreach (var subject in new[] { "a", "b", "c" })
        {
            await _queue.EnqueueAsync(JobKind.Media, subject, TimeProvider.System.GetUtcNow(), CancellationToken.None);
        }

        using var stop = new CancellationTokenSource();
        var loop = Loop(TimeProvider.System).RunAsync(Worker, stop.Token);
        await WaitUntilAsync(() => _handler.Ran.Count == 3);
        await stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["a", "b", "c"], _handler.Ran.Select(r => r.Subject));
        Assert.All(_handler.Ran, r => Assert.Equal(Worker.Actor, r.Actor));
        Assert.All([1L, 2L, 3L], id => Assert.Equal(JobState.Done, _queue[id].State));
    }

    [Fact]
    public async Task RunAsync_StoppedMidJob_ReleasesTheLeaseWithoutSpendingTheAttempt()
    {
        await _queue.EnqueueAsync(JobKind.Media, "slow", TimeProvider.System.GetUtcNow(), CancellationToken.None);
        _handler.Block = true;

        using var stop = new CancellationTokenSource();
        var loop = Loop(TimeProvider.System).RunAsync(Worker, stop.Token);
        await WaitUntilAsync(() => _handler.Started == 1);
        await stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Single(_queue.Released);
        Assert.Equal((JobState.Pending, 0), (_queue[1].State, _queue[1].Attempts));
    }

    [Fact]
    public async Task RunNextAsync_HandlerKeepsFailing_BacksOffThenDeadAndGivenUpOnce()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero));
        await _queue.EnqueueAsync(JobKind.Media, "broken", time.GetUtcNow(), CancellationToken.None);
        _handler.Fail = true;
        var runner = Runner(time);

        var outcomes = new List<JobOutcome?>();
        for (var i = 0; i < 10; i++)
        {
            outcomes.Add(await runner.RunNextAsync(Worker, null, CancellationToken.None));
            time.Advance(TimeSpan.FromHours(2));
        }

        Assert.Equal(JobRunner.MaxAttempts, outcomes.Count(o => o == JobOutcome.Failed));
        Assert.Equal((JobState.Dead, "boom 5"), (_queue[1].State, _queue[1].LastError));
        Assert.Equal(["broken"], _handler.GivenUp);
    }

    [Fact]
    public async Task RunNextAsync_FirstRetry_WaitsTheBackOff()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero));
        await _queue.EnqueueAsync(JobKind.Media, "broken", time.GetUtcNow(), CancellationToken.None);
        _handler.Fail = true;
        var runner = Runner(time);

        Assert.Equal(JobOutcome.Failed, await runner.RunNextAsync(Worker, null, CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Null(await runner.RunNextAsync(Worker, null, CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(JobOutcome.Failed, await runner.RunNextAsync(Worker, null, CancellationToken.None));
    }

    [Fact]
    public async Task RunNextAsync_LeaseTakenOverMeanwhile_ReportsLeaseLostNotDone()
    {
        await _queue.EnqueueAsync(JobKind.Link, "r1", TimeProvider.System.GetUtcNow(), CancellationToken.None);
        _queue.LoseLeases = true;

        Assert.Equal(JobOutcome.LeaseLost, await Runner(TimeProvider.System).RunNextAsync(Worker, null, CancellationToken.None));
    }

    public void Dispose() => _metrics.Dispose();

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private JobRunner Runner(TimeProvider time) =>
        new(_queue, [_handler, new RecordingHandler(_handler.Actor) { HandledKind = JobKind.Link }], _metrics, time, NullLogger<JobRunner>.Instance);

    private WorkerLoop Loop(TimeProvider time) => new(Runner(time), _queue, new FakeVaultHealth(), time, NullLogger<WorkerLoop>.Instance);

    private sealed class StationActor : IActorContext
    {
        public string Actor => "station";
    }

    /// <summary>Records what it ran and as whom; can fail every time or block until cancelled.</summary>
    private sealed class RecordingHandler(IActorContext actor) : IJobHandler
    {
        private int _attempts;
        private int _started;

        public IActorContext Actor => actor;

        public JobKind HandledKind { get; init; } = JobKind.Media;

        public List<(string Subject, string Actor)> Ran { get; } = [];

        public List<string> GivenUp { get; } = [];

        public bool Fail { get; set; }

        public bool Block { get; set; }

        public int Started => _started;

        public JobKind Kind => HandledKind;

        public async Task RunAsync(JobLease job, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _started);
            if (Block)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            if (Fail)
            {
                throw new InvalidOperationException($"boom {++_attempts}");
            }

            Ran.Add((job.Subject, actor.Actor));
        }

        public Task GiveUpAsync(JobLease job, string error, CancellationToken cancellationToken)
        {
            GivenUp.Add(job.Subject);
            return Task.CompletedTask;
        }
    }
}
