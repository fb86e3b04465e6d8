using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Fixity;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Application.Tests.Fakes;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Ingestion;
using EvidenceVault.Domain.Recordings;
using Microsoft.Extensions.Time.Testing;

namespace EvidenceVault.Application.Tests.Fixity;

public sealed class RunFixityTests
{
    private readonly InMemoryCatalog _catalog = new();
    private readonly InMemoryVault _vault = new();
    private readonly DelayRecordingTime _time = new(new FakeTimeProvider(new DateTimeOffset(2025, 3, 2, 0, 0, 0, TimeSpan.Zero)));

    [Fact]
    public async Task Handle_BudgetOneMegabytePerSecond_RequestsDelaysForEveryByteBeyondTheFirstSecond()
    {
        for (var i = 0; i < 3; i++)
        {
            Store(1_000_000, (byte)i);
        }

        var report = await RunWhileAdvancingAsync(new RunFixityCommand(BudgetMegabytesPerSecond: 1));

        // 3 MB at 1 MB/s with one second of burst: about two seconds of waiting, asked of the injected clock.
        Assert.Equal(3, report.Results.Count);
        Assert.InRange(_time.Delays.Sum(d => d.TotalSeconds), 1.9, 2.1);
    }

    [Fact]
    public async Task Handle_NoBudget_RequestsNoDelay()
    {
        Store(1_000_000, 1);
        Store(1_000_000, 2);

        var report = await RunWhileAdvancingAsync(new RunFixityCommand());

        Assert.True(report.AllIntact);
        Assert.Empty(_time.Delays);
    }

    [Fact]
    public async Task Handle_CorruptOriginal_RaisesOneIncidentAndRecordsEveryCheck()
    {
        var intact = Store(10, 1);
        var corrupt = Store(10, 2);
        _vault.Corrupt(corrupt.Sha256);

        var store = new InMemoryFixityStore(_catalog);
        var first = await Handler(store).Handle(new RunFixityCommand(), CancellationToken.None);
        var second = await Handler(store).Handle(new RunFixityCommand(), CancellationToken.None);

        Assert.Equal(FixityState.Changed, first.Results.Single(r => r.Id == corrupt.Id).State);
        Assert.Single(first.IncidentsRaised);
        Assert.Empty(second.IncidentsRaised);
        Assert.Equal(4, store.Checks.Count);
        Assert.Equal(2, store.Checks.Count(c => c.Recording == intact.Id && c.Ok));
        Assert.Equal(2, _catalog.Custody.Count(c => c.Action == CustodyActions.IntegrityFailure));
        Assert.Single(_catalog.Custody, c => c.Action == CustodyActions.IncidentRaised);
    }

    [Fact]
    public async Task Handle_SwappedProxy_RaisesAProxyIncidentBesideTheIntactOriginal()
    {
        var recording = WithProxy(Store(10, 1), [1, 2, 3]);
        _vault.Derivatives[(recording.Sha256, DerivativeKind.Proxy)] = [9, 9, 9];
        var store = new InMemoryFixityStore(_catalog);

        var report = await Handler(store).Handle(new RunFixityCommand(), CancellationToken.None);

        Assert.False(report.AllIntact);
        var proxy = Assert.Single(report.Results, r => r.Derivative == DerivativeKind.Proxy);
        Assert.Equal(FixityState.Changed, proxy.State);
        Assert.Equal(FixityState.Intact, report.Results.Single(r => r.Derivative is null).State);
        Assert.Equal("proxy-changed", Assert.Single(store.Incidents).Kind);
        Assert.DoesNotContain(store.Checks, c => c.Ok);
    }

    [Fact]
    public async Task Handle_MissingThumbnailThenChangedOriginal_EachGetsItsOwnIncident()
    {
        var recording = Store(10, 1) with { HasThumbnail = true, Thumbnail = new DerivativeDigest(Sha256Digest.FromBytes(new byte[32]), 5) };
        _catalog.Recordings[recording.Id] = recording;
        var store = new InMemoryFixityStore(_catalog);
        await Handler(store).Handle(new RunFixityCommand(), CancellationToken.None);
        _vault.Corrupt(recording.Sha256);

        var second = await Handler(store).Handle(new RunFixityCommand(), CancellationToken.None);

        Assert.Single(second.IncidentsRaised);
        Assert.Equal(["thumbnail-missing", "changed"], store.Incidents.Select(i => i.Kind));
    }

    [Fact]
    public async Task Handle_DerivativeWithoutRecordedDigest_ListedUnrecordedWithoutIncident()
    {
        var recording = Store(10, 1) with { HasProxy = true };
        _catalog.Recordings[recording.Id] = recording;
        var store = new InMemoryFixityStore(_catalog);

        var report = await Handler(store).Handle(new RunFixityCommand(), CancellationToken.None);

        Assert.True(report.AllIntact);
        Assert.Equal(FixityState.Unrecorded, report.Results.Single(r => r.Derivative == DerivativeKind.Proxy).State);
        Assert.Empty(store.Incidents);
    }

    private RecordingEntry WithProxy(RecordingEntry recording, byte[] proxy)
    {
        _vault.Derivatives[(recording.Sha256, DerivativeKind.Proxy)] = proxy;
        var digest = new DerivativeDigest(Sha256Digest.FromBytes(System.Security.Cryptography.SHA256.HashData(proxy)), proxy.Length);
        var withProxy = recording.WithDerivative(DerivativeKind.Proxy, digest);
        _catalog.Recordings[recording.Id] = withProxy;
        return withProxy;
    }

    private async Task<FixityRunReport> RunWhileAdvancingAsync(RunFixityCommand command)
    {
        var run = Handler(new InMemoryFixityStore(_catalog)).Handle(command, CancellationToken.None).AsTask();
        while (!run.IsCompleted)
        {
            _time.Fake.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Delay(1);
        }

        return await run;
    }

    private RunFixityHandler Handler(InMemoryFixityStore store)
    {
        var entries = new CustodyEntries(new TestActor(), _time);
        return new RunFixityHandler(store, new OriginalFixity(_vault), new DerivativeFixity(_vault), new IntegrityIncidents(store, entries, new VerificationCache(new(), _time)), _vault, entries, _time);
    }

    private RecordingEntry Store(int length, byte fill)
    {
        var bytes = Enumerable.Repeat(fill, length).ToArray();
        var digest = Sha256Digest.FromBytes(System.Security.Cryptography.SHA256.HashData(bytes));
        _vault.Originals[digest] = bytes;
        var recording = new RecordingEntry
        {
            Id = RecordingId.For(digest),
            Sha256 = digest,
            SizeBytes = length,
            Kind = RecordingKind.Other,
            Format = "bin",
            SourcePath = $"f{fill}.bin",
            IngestedAt = _time.GetUtcNow(),
            StationClock = _time.GetUtcNow(),
            Status = IngestStatus.Stored,
        };
        _catalog.Recordings[recording.Id] = recording;
        return recording;
    }

    private sealed class TestActor : IActorContext
    {
        public string Actor => "tester";
    }

    /// <summary>The fake clock, noting every wait asked of it.</summary>
    private sealed class DelayRecordingTime(FakeTimeProvider fake) : TimeProvider
    {
        public FakeTimeProvider Fake { get; } = fake;

        public List<TimeSpan> Delays { get; } = [];

        public override long TimestampFrequency => Fake.TimestampFrequency;

        public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

        public override long GetTimestamp() => Fake.GetTimestamp();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            // Task.Delay may create the timer stopped and start it with Change, so both are noted.
            Note(dueTime);
            return new NotingTimer(Fake.CreateTimer(callback, state, dueTime, period), this);
        }

        private void Note(TimeSpan dueTime)
        {
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                lock (Delays)
                {
                    Delays.Add(dueTime);
                }
            }
        }

        private sealed class NotingTimer(ITimer inner, DelayRecordingTime owner) : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                owner.Note(dueTime);
                return inner.Change(dueTime, period);
            }

            public void Dispose() => inner.Dispose();

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}
