using EvidenceVault.Domain.Uploads;

namespace EvidenceVault.Application.Uploads;

/// <summary>
/// Who may touch uploads when, within this process: one request at a time per upload (so a HEAD after an
/// aborted PATCH waits for the bytes of that PATCH to be flushed and reports the true offset), a bounded
/// number of transfers, and a bounded number of completions (each reads and writes the whole file). A per-upload
/// lock lives only while someone holds or waits for it, so requests for ids that do not exist leave nothing behind.
/// </summary>
public sealed class UploadGate(UploadLimits limits) : IDisposable
{
    private readonly Dictionary<UploadId, Holders> _uploads = [];
    private readonly SemaphoreSlim _transfers = new(limits.MaxConcurrentTransfers, limits.MaxConcurrentTransfers);
    private readonly SemaphoreSlim _ingest = new(limits.MaxConcurrentCompletions, limits.MaxConcurrentCompletions);
    private readonly SemaphoreSlim _creation = new(1, 1);

    /// <summary>How many uploads have a lock held or awaited now.</summary>
    public int LockedUploads
    {
        get
        {
            lock (_uploads)
            {
                return _uploads.Count;
            }
        }
    }

    public async Task<IDisposable> LockAsync(UploadId id, CancellationToken cancellationToken)
    {
        Holders holders;
        lock (_uploads)
        {
            if (!_uploads.TryGetValue(id, out holders!))
            {
                _uploads[id] = holders = new Holders();
            }

            holders.Count++;
        }

        try
        {
            await holders.Gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(id, holders);
            throw;
        }

        return new Lease(this, id, holders);
    }

    /// <summary>A transfer slot, or <see cref="UploadsBusyException"/> at once when all are taken.</summary>
    public IDisposable EnterTransfer() =>
        _transfers.Wait(0)
            ? new Release(_transfers)
            : throw new UploadsBusyException($"{limits.MaxConcurrentTransfers} uploads are transferring already; try again later.", limits.RetryAfter);

    /// <summary>One creation at a time: the space and quota checks and the new upload's reservation are one step.</summary>
    public async Task<IDisposable> EnterCreationAsync(CancellationToken cancellationToken)
    {
        await _creation.WaitAsync(cancellationToken);
        return new Release(_creation);
    }

    public async Task<IDisposable> EnterIngestAsync(CancellationToken cancellationToken)
    {
        await _ingest.WaitAsync(cancellationToken);
        return new Release(_ingest);
    }

    public void Dispose()
    {
        _transfers.Dispose();
        _ingest.Dispose();
        _creation.Dispose();
        lock (_uploads)
        {
            foreach (var holders in _uploads.Values)
            {
                holders.Gate.Dispose();
            }
        }
    }

    private void Leave(UploadId id, Holders holders)
    {
        lock (_uploads)
        {
            if (--holders.Count == 0)
            {
                _uploads.Remove(id);
                holders.Gate.Dispose();
            }
        }
    }

    /// <summary>One upload's lock and how many requests hold or await it.</summary>
    private sealed class Holders
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Count { get; set; }
    }

    private sealed class Lease(UploadGate owner, UploadId id, Holders holders) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                holders.Gate.Release();
                owner.Leave(id, holders);
            }
        }
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
