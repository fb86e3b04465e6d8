using System.Runtime.CompilerServices;

namespace EvidenceVault.Application.Station;

/// <summary>
/// The station's bays as one shared, thread-safe state: the loop and the bays write it, the dashboard and
/// <c>/station/bays</c> read snapshots or wait for the next change.
/// </summary>
public sealed class BayBoard
{
    private readonly Lock _lock = new();
    private readonly BayStatus[] _bays;
    private readonly TimeProvider _time;
    private long _version;
    private int _queued;
    private TaskCompletionSource _changed = NewSignal();

    public BayBoard(int bays, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bays, 1);
        _bays = [.. Enumerable.Range(1, bays).Select(BayStatus.EmptyBay)];
        _time = time;
    }

    public int Count => _bays.Length;

    public BoardSnapshot Snapshot()
    {
        lock (_lock)
        {
            return new BoardSnapshot(_version, _time.GetUtcNow(), [.. _bays], _queued);
        }
    }

    public BayStatus this[int bay]
    {
        get
        {
            lock (_lock)
            {
                return _bays[bay - 1];
            }
        }
    }

    /// <summary>Changes one bay (numbered from 1) and wakes every watcher.</summary>
    public BayStatus Update(int bay, Func<BayStatus, BayStatus> change)
    {
        TaskCompletionSource wake;
        BayStatus updated;
        lock (_lock)
        {
            updated = change(_bays[bay - 1]) with { Bay = bay };
            _bays[bay - 1] = updated;
            wake = Advance();
        }

        wake.TrySetResult();
        return updated;
    }

    /// <summary>How many docked devices wait for a free bay.</summary>
    public void SetQueued(int queued)
    {
        TaskCompletionSource wake;
        lock (_lock)
        {
            if (_queued == queued)
            {
                return;
            }

            _queued = queued;
            wake = Advance();
        }

        wake.TrySetResult();
    }

    /// <summary>The current snapshot, then one per change (changes closer together than <paramref name="coalesce"/> are merged).</summary>
    public async IAsyncEnumerable<BoardSnapshot> WatchAsync(TimeSpan coalesce, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = -1L;
        while (!cancellationToken.IsCancellationRequested)
        {
            Task next;
            BoardSnapshot snapshot;
            lock (_lock)
            {
                next = _changed.Task;
                snapshot = new BoardSnapshot(_version, _time.GetUtcNow(), [.. _bays], _queued);
            }

            if (snapshot.Version != seen)
            {
                seen = snapshot.Version;
                yield return snapshot;
            }

            try
            {
                await next.WaitAsync(cancellationToken);
                if (coalesce > TimeSpan.Zero)
                {
                    await Task.Delay(coalesce, _time, cancellationToken);
                }
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }

    private TaskCompletionSource Advance()
    {
        _version++;
        var wake = _changed;
        _changed = NewSignal();
        return wake;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
