using EvidenceVault.Domain.Ingestion;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EvidenceVault.Application.Station;

/// <summary>
/// The station's heart: scans for devices, gives each new one a free bay (or queues it), runs the bays in parallel with
/// at most <see cref="StationOptions.PerHubLimit"/> per USB hub, and stops a bay whose device is unplugged. A finished
/// bay keeps its summary until the next device is docked in it.
/// </summary>
public sealed class StationLoop(IEnumerable<IDockScanner> scanners, IBayRunner runner, BayBoard board, IOptions<StationOptions> options, TimeProvider time, ILogger<StationLoop> logger)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Docking> _present = new(StringComparer.Ordinal);
    private readonly List<Docking> _queue = [];
    private readonly Dictionary<string, SemaphoreSlim> _hubs = new(StringComparer.Ordinal);
    private readonly Docking?[] _bays = new Docking?[board.Count + 1];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await ScanOnceAsync(cancellationToken);
                await Task.Delay(options.Value.ScanInterval, time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            await StopAllAsync();
        }
    }

    /// <summary>One look at what is plugged in: removals stop their bays, arrivals are docked or queued.</summary>
    public async Task ScanOnceAsync(CancellationToken cancellationToken)
    {
        var seen = new Dictionary<string, DockedDevice>(StringComparer.Ordinal);
        var complete = true;
        foreach (var scanner in scanners)
        {
            try
            {
                foreach (var device in await scanner.ScanAsync(cancellationToken))
                {
                    seen.TryAdd(device.Key, device);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // A scan that fails says nothing about what was removed: nothing counts as unplugged this round,
                // while the other scanners' new devices are still docked.
                logger.LogWarning(ex, "The {Scanner} scan failed; no device counts as removed until a scan succeeds.", scanner.GetType().Name);
                complete = false;
            }
        }

        var stopping = new List<Docking>();
        lock (_lock)
        {
            foreach (var gone in _present.Keys.Where(k => complete && !seen.ContainsKey(k)).ToList())
            {
                stopping.AddRange(Remove(gone));
            }

            foreach (var (key, device) in seen.Where(s => !_present.ContainsKey(s.Key)))
            {
                var docking = new Docking(device);
                _present[key] = docking;
                _queue.Add(docking);
                logger.LogInformation("Docked {Location} ({Kind}, serial {Serial}).", device.Location, device.Kind, device.Serial);
            }

            AssignBays();
        }

        // Outside the lock: cancelling runs the bays' callbacks, and a bay that ends takes the lock to free itself.
        foreach (var docking in stopping)
        {
            await docking.Stop.CancelAsync();
        }
    }

    /// <summary>Completes when every bay that is working now has finished (tests, and an orderly stop).</summary>
    public Task WhenBaysFinishedAsync()
    {
        lock (_lock)
        {
            return Task.WhenAll(_bays.OfType<Docking>().Select(d => d.Work).OfType<Task>());
        }
    }

    /// <summary>Forgets a device that is gone; returns it when its bay is still at work and must be stopped.</summary>
    private IEnumerable<Docking> Remove(string key)
    {
        var docking = _present[key];
        _present.Remove(key);
        _queue.Remove(docking);
        board.SetQueued(_queue.Count);
        if (docking.Bay is { } bay)
        {
            board.Update(bay, b => b.DeviceKey == key ? b with { Plugged = false } : b);
        }

        if (!docking.Busy)
        {
            return [];
        }

        logger.LogWarning("{Location} was removed while bay {Bay} worked on it.", docking.Device.Location, docking.Bay);
        return [docking];
    }

    private void AssignBays()
    {
        while (_queue.Count > 0 && FreeBay() is { } bay)
        {
            var docking = _queue[0];
            _queue.RemoveAt(0);
            docking.Bay = bay;
            docking.Busy = true;
            _bays[bay] = docking;

            // The hub's place is taken here, in docking order: the first recorder docked on a full hub is copied first.
            var hub = Hub(docking.Device);
            var turn = hub?.WaitAsync(docking.Stop.Token);
            docking.Work = Task.Run(() => WorkAsync(docking, bay, hub, turn));
        }

        board.SetQueued(_queue.Count);
    }

    /// <summary>An empty bay first, else the one whose last device finished longest ago.</summary>
    private int? FreeBay() => Enumerable.Range(1, board.Count)
        .Where(b => _bays[b] is not { Busy: true })
        .OrderBy(b => board[b].Phase == BayPhase.Empty ? 0 : 1)
        .ThenBy(b => board[b].FinishedAt ?? DateTimeOffset.MinValue)
        .Cast<int?>()
        .FirstOrDefault();

    private async Task WorkAsync(Docking docking, int bay, SemaphoreSlim? hub, Task? turn)
    {
        var entered = false;
        try
        {
            if (turn is not null)
            {
                board.Update(bay, _ => new BayStatus { Bay = bay, Phase = BayPhase.Waiting, DeviceKey = docking.Device.Key, Plugged = true, Location = docking.Device.Location, Kind = docking.Device.Kind, DockedAt = time.GetUtcNow() });
                await turn;
                entered = true;
            }

            await runner.RunAsync(docking.Device, bay, docking.Stop.Token);
        }
        catch (OperationCanceledException) when (docking.Stop.IsCancellationRequested)
        {
            board.Update(bay, b => b with
            {
                Phase = BayPhase.Failed,
                ReasonCode = ReasonCodes.DeviceRemoved,
                Message = "The device was removed before its bay finished: what was secured stays secured; dock it again to collect the rest.",
                FinishedAt = time.GetUtcNow(),
            });
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Bay {Bay} failed on {Location}.", bay, docking.Device.Location);
            board.Update(bay, b => b with
            {
                Phase = BayPhase.Failed,
                ReasonCode = Errors.Classify(ex)?.Code ?? ReasonCodes.DockFailed,
                Message = ex.Message,
                FinishedAt = time.GetUtcNow(),
            });
        }
        finally
        {
            if (entered)
            {
                hub!.Release();
            }

            lock (_lock)
            {
                docking.Busy = false;
                AssignBays();
            }
        }
    }

    private SemaphoreSlim? Hub(DockedDevice device)
    {
        var limit = options.Value.PerHubLimit;
        if (limit == 0 || device.Hub is not { } hub)
        {
            return null;
        }

        lock (_lock)
        {
            return _hubs.TryGetValue(hub, out var gate) ? gate : _hubs[hub] = new SemaphoreSlim(limit, limit);
        }
    }

    private async Task StopAllAsync()
    {
        List<Docking> present;
        Task finished;
        lock (_lock)
        {
            present = [.. _present.Values];
            finished = Task.WhenAll(_bays.OfType<Docking>().Select(d => d.Work).OfType<Task>());
        }

        foreach (var docking in present)
        {
            await docking.Stop.CancelAsync();
        }

        await finished;
    }

    private sealed class Docking(DockedDevice device)
    {
        public DockedDevice Device { get; } = device;

        public CancellationTokenSource Stop { get; } = new();

        public int? Bay { get; set; }

        public Task? Work { get; set; }

        /// <summary>Holds its bay: from the moment it is given one until its work has ended.</summary>
        public bool Busy { get; set; }
    }
}
