using EvidenceVault.Application.Diagnostics;
using EvidenceVault.Application.Jobs;
using EvidenceVault.Application.Tests.Fakes;
using EvidenceVault.Application.Vault;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EvidenceVault.Application.Tests.Jobs;

/// <summary>Jobs while the vault is unavailable: they wait without spending attempts, and run once storage is back.</summary>
public sealed class VaultOutageTests : IDisposable
{
    private static readonly WorkerIdentity Worker = new("host:1:1:w1");
    private readonly InMemoryJobQueue _queue = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly FakeVaultHealth _health = new();
    private readonly EvidenceVaultMetrics _metrics;
    private readonly OutageHandler _handler;

    public VaultOutageTests()
    {
        _metrics = new EvidenceVaultMetrics(_queue, TimeProvider.System);
        _handler = new OutageHandler(_time);
    }

    [Fact]
    public async Task RunNextAsync_VaultUnavailableFarMoreThanMaxAttempts_NeverSpendsAnAttemptThenDoneOnce()
    {
        await _queue.EnqueueAsync(JobKind.Media, "r1", _time.GetUtcNow(), CancellationToken.None);
        _handler.UnavailableRuns = 3 * JobRunner.MaxAttempts;
        var runner = Runner();

        var outcomes = new List<JobOutcome?>();
        for (var i = 0; i < 3 * JobRunner.MaxAttempts; i++)
        {
            outcomes.Add(await runner.RunNextAsync(Worker, null, CancellationToken.None));
            Assert.Equal((JobState.Pending, 0), (_queue[1].State, _queue[1].Attempts));
        }

        var last = await runner.RunNextAsync(Worker, null, CancellationToken.None);

        Assert.All(outcomes, o => Assert.Equal(JobOutcome.StorageUnavailable, o));
        Assert.Equal(JobOutcome.Done, last);
        Assert.Equal((JobState.Done, 1), (_queue[1].State, _queue[1].Attempts));
        Assert.Empty(_handler.GivenUp);
    }

    [Fact]
    public async Task DrainAsync_VaultUnavailable_StopsAtTheFirstJobAndLeavesEveryJobQueued()
    {
        foreach (var subject in new[] { "a", "b", "c" })
        {
            await _queue.EnqueueAsync(JobKind.Media, subject, _time.GetUtcNow(), CancellationToken.None);
        }

        _handler.UnavailableRuns = int.MaxValue;

        var outcomes = await Runner().DrainAsync(Worker, JobRunner.RecordingWork, CancellationToken.None);

        Assert.Equal([(JobKind.Media, JobOutcome.StorageUnavailable)], outcomes);
        Assert.All([1L, 2L, 3L], id => Assert.Equal((JobState.Pending, 0), (_queue[id].State, _queue[id].Attempts)));
    }

    [Fact]
    public async Task WorkerLoop_VaultUnavailable_WaitsWhatTheVaultAsksThenRunsTheJob()
    {
        await _queue.EnqueueAsync(JobKind.Media, "r1", _time.GetUtcNow(), CancellationToken.None);
        _handler.UnavailableRuns = 1;
        _health.Current = new VaultHealth(false, VaultCircuit.Open, _time.GetUtcNow(), TimeSpan.FromSeconds(30), "connection refused");
        using var stop = new CancellationTokenSource();
        var loop = new WorkerLoop(Runner(), _queue, _health, _time, NullLogger<WorkerLoop>.Instance).RunAsync(Worker, stop.Token);

        // Fake time moves in 1 s steps until the job has run; how far it moved is how long the worker waited.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (_queue[1].State != JobState.Done)
        {
            await Task.Delay(10, timeout.Token);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        await stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(10));

        var waited = _handler.Starts[1] - _handler.Starts[0];
        Assert.InRange(waited, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(35));
        Assert.Equal(1, _queue[1].Attempts);
    }

    public void Dispose() => _metrics.Dispose();

    private JobRunner Runner() => new(_queue, [_handler], _metrics, _time, NullLogger<JobRunner>.Instance);

    /// <summary>Fails its first <see cref="UnavailableRuns"/> runs as an unreachable vault does, then succeeds; notes when each run started.</summary>
    private sealed class OutageHandler(TimeProvider time) : IJobHandler
    {
        public int UnavailableRuns { get; set; }

        public List<DateTimeOffset> Starts { get; } = [];

        public List<string> GivenUp { get; } = [];

        public JobKind Kind => JobKind.Media;

        public Task RunAsync(JobLease job, CancellationToken cancellationToken)
        {
            Starts.Add(time.GetUtcNow());
            return Starts.Count <= UnavailableRuns
                ? throw new VaultUnavailableException("Azure storage is unreachable", new HttpRequestException("Connection refused"))
                : Task.CompletedTask;
        }

        public Task GiveUpAsync(JobLease job, string error, CancellationToken cancellationToken)
        {
            GivenUp.Add(job.Subject);
            return Task.CompletedTask;
        }
    }
}
