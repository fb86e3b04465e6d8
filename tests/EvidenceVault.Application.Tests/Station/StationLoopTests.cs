using System.Collections.Concurrent;
using EvidenceVault.Application.Station;
using EvidenceVault.Domain.Ingestion;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EvidenceVault.Application.Tests.Station;

public sealed class StationLoopTests
{
    private readonly ListedScanner _scanner = new();
    private readonly GatedRunner _runner = new();

    [Fact]
    public async Task ScanOnce_NewDevice_RunsItInTheFirstEmptyBay()
    {
        var (loop, board) = Station(bays: 3);
        _scanner.Present.Add(Device("a"));

        await loop.ScanOnceAsync(CancellationToken.None);
        _runner.Finish("a");
        await loop.WhenBaysFinishedAsync();

        Assert.Equal([("a", 1)], _runner.Started.ToArray());
        Assert.Equal(BayPhase.Done, board[1].Phase);
        Assert.Equal(BayPhase.Empty, board[2].Phase);
    }

    [Fact]
    public async Task ScanOnce_DeviceRemovedWhileItsBayWorks_StopsTheBayAsDeviceRemoved()
    {
        var (loop, board) = Station(bays: 2);
        _scanner.Present.Add(Device("a"));
        await loop.ScanOnceAsync(CancellationToken.None);
        await _runner.WhenStarted("a");

        _scanner.Present.Clear();
        await loop.ScanOnceAsync(CancellationToken.None);
        await loop.WhenBaysFinishedAsync();

        Assert.True(_runner.Cancelled.ContainsKey("a"));
        Assert.Equal(BayPhase.Failed, board[1].Phase);
        Assert.Equal(ReasonCodes.DeviceRemoved, board[1].ReasonCode);
        Assert.False(board[1].Plugged);
    }

    [Fact]
    public async Task ScanOnce_DeviceReplugged_IsDockedAgain()
    {
        var (loop, _) = Station(bays: 1);
        _scanner.Present.Add(Device("a"));
        await loop.ScanOnceAsync(CancellationToken.None);
        await _runner.WhenStarted("a");
        _scanner.Present.Clear();
        await loop.ScanOnceAsync(CancellationToken.None);
        await loop.WhenBaysFinishedAsync();

        _runner.Reset("a");
        _scanner.Present.Add(Device("a"));
        await loop.ScanOnceAsync(CancellationToken.None);
        _runner.Finish("a");
        await loop.WhenBaysFinishedAsync();

        Assert.Equal(2, _runner.Started.Count(s => s.Key == "a"));
    }

    [Fact]
    public async Task ScanOnce_MoreDevicesThanBays_QueuesTheRestUntilABayFrees()
    {
        var (loop, board) = Station(bays: 1);
        _scanner.Present.AddRange([Device("a"), Device("b")]);

        await loop.ScanOnceAsync(CancellationToken.None);
        await _runner.WhenStarted("a");
        Assert.Equal(1, board.Snapshot().Queued);
        Assert.DoesNotContain(_runner.Started, s => s.Key == "b");

        _runner.Finish("a");
        await _runner.WhenStarted("b");
        _runner.Finish("b");
        await loop.WhenBaysFinishedAsync();

        Assert.Equal([("a", 1), ("b", 1)], _runner.Started.ToArray());
        Assert.Equal(0, board.Snapshot().Queued);
    }

    [Fact]
    public async Task ScanOnce_TwoDevicesOnAHubLimitedToOne_CopiesThemOneAfterTheOther()
    {
        var (loop, board) = Station(bays: 2, perHub: 1);
        _scanner.Present.AddRange([Device("a", hub: "1-1"), Device("b", hub: "1-1")]);

        await loop.ScanOnceAsync(CancellationToken.None);
        await _runner.WhenStarted("a");
        await Task.Delay(100);
        Assert.DoesNotContain(_runner.Started, s => s.Key == "b");
        Assert.Equal(BayPhase.Waiting, board[2].Phase);

        _runner.Finish("a");
        await _runner.WhenStarted("b");
        _runner.Finish("b");
        await loop.WhenBaysFinishedAsync();
        Assert.Equal(BayPhase.Done, board[2].Phase);
    }

    [Fact]
    public async Task ScanOnce_FinishedDeviceStillPlugged_IsNotRunAgainAndKeepsItsSummary()
    {
        var (loop, board) = Station(bays: 2);
        _scanner.Present.Add(Device("a"));
        await loop.ScanOnceAsync(CancellationToken.None);
        _runner.Finish("a");
        await loop.WhenBaysFinishedAsync();

        await loop.ScanOnceAsync(CancellationToken.None);
        Assert.True(board[1].Plugged);
        _scanner.Present.Clear();
        await loop.ScanOnceAsync(CancellationToken.None);

        Assert.False(board[1].Plugged);
        Assert.Single(_runner.Started);
        Assert.Equal(BayPhase.Done, board[1].Phase);
        Assert.Equal("a", board[1].DeviceKey);
    }

    [Fact]
    public async Task ScanOnce_ScannerFails_KeepsTheBaysThatWork()
    {
        var (loop, board) = Station(bays: 1);
        _scanner.Present.Add(Device("a"));
        await loop.ScanOnceAsync(CancellationToken.None);
        await _runner.WhenStarted("a");

        _scanner.Fail = true;
        await loop.ScanOnceAsync(CancellationToken.None);

        Assert.False(_runner.Cancelled.ContainsKey("a"));
        Assert.Equal(BayPhase.Copying, board[1].Phase);
        _runner.Finish("a");
        await loop.WhenBaysFinishedAsync();
    }

    [Fact]
    public async Task ScanOnce_OneScannerFailsAnotherFindsADevice_DocksTheNewOneAndRemovesNothing()
    {
        var (loop, board) = Station(bays: 2, scanners: [_scanner, new ListedScanner { Fail = true }]);
        _scanner.Present.Add(Device("a"));
        await loop.ScanOnceAsync(CancellationToken.None);
        await _runner.WhenStarted("a");

        _scanner.Present.Clear();
        _scanner.Present.Add(Device("b"));
        await loop.ScanOnceAsync(CancellationToken.None);
        await _runner.WhenStarted("b");

        Assert.False(_runner.Cancelled.ContainsKey("a"));
        _runner.Finish("a");
        _runner.Finish("b");
        await loop.WhenBaysFinishedAsync();
        Assert.All(board.Snapshot().Bays, b => Assert.Equal(BayPhase.Done, b.Phase));
    }

    [Fact]
    public async Task RunAsync_Stopped_StopsEveryBayAndReturns()
    {
        var (loop, _) = Station(bays: 2);
        _scanner.Present.AddRange([Device("a"), Device("b")]);
        using var stop = new CancellationTokenSource();
        var running = loop.RunAsync(stop.Token);
        await _runner.WhenStarted("a");
        await _runner.WhenStarted("b");

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, _runner.Cancelled.Count);
    }

    private (StationLoop Loop, BayBoard Board) Station(int bays, int perHub = 0, IDockScanner[]? scanners = null)
    {
        var board = new BayBoard(bays, TimeProvider.System);
        _runner.Board = board;
        var options = Options.Create(new StationOptions { Bays = bays, PerHubLimit = perHub, ScanInterval = TimeSpan.FromMilliseconds(100) });
        return (new StationLoop(scanners ?? [_scanner], _runner, board, options, TimeProvider.System, NullLogger<StationLoop>.Instance), board);
    }

    private static DockedDevice Device(string key, string? hub = null) => new(key, "/media/" + key, DockKind.MassStorage, Hub: hub);

    private sealed class ListedScanner : IDockScanner
    {
        public List<DockedDevice> Present { get; } = [];

        public bool Fail { get; set; }

        public Task<IReadOnlyList<DockedDevice>> ScanAsync(CancellationToken cancellationToken) =>
            Fail ? throw new IOException("mountinfo unreadable") : Task.FromResult<IReadOnlyList<DockedDevice>>([.. Present]);
    }

    /// <summary>A bay's work that copies until the test finishes it, or until its device is removed.</summary>
    private sealed class GatedRunner : IBayRunner
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _finish = new();
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _started = new();

        public BayBoard Board { get; set; } = null!;

        public ConcurrentQueue<(string Key, int Bay)> Started { get; } = new();

        public ConcurrentDictionary<string, bool> Cancelled { get; } = new();

        public async Task<BayStatus> RunAsync(DockedDevice device, int bay, CancellationToken cancellationToken)
        {
            Started.Enqueue((device.Key, bay));
            Board.Update(bay, _ => new BayStatus { Bay = bay, Phase = BayPhase.Copying, DeviceKey = device.Key, Plugged = true });
            Signal(_started, device.Key).TrySetResult();
            try
            {
                await Signal(_finish, device.Key).Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Cancelled[device.Key] = true;
                throw;
            }

            return Board.Update(bay, b => b with { Phase = BayPhase.Done, FinishedAt = TimeProvider.System.GetUtcNow() });
        }

        public Task WhenStarted(string key) => Signal(_started, key).Task.WaitAsync(TimeSpan.FromSeconds(60)); // long only for a loaded machine; a pass takes milliseconds

        public void Finish(string key) => Signal(_finish, key).TrySetResult();

        public void Reset(string key)
        {
            _finish.TryRemove(key, out _);
            _started.TryRemove(key, out _);
        }

        private static TaskCompletionSource Signal(ConcurrentDictionary<string, TaskCompletionSource> signals, string key) =>
            signals.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
