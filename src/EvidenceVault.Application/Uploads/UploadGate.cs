using System.Collections.Concurrent;
using EvidenceVault.Domain.Uploads;

namespace EvidenceVault.Application.Uploads;

/// <summary>
/// Who may touch uploads when, within this process: one request at a time per upload (so a HEAD after an
/// aborted PATCH waits for the bytes of that PATCH to be flushed and reports the true offset), a bounded
/// number of transfers, and a bounded number of completions (each reads and writes the whole file).
/// </summary>
public sealed class UploadGate(UploadLimits limits) : IDisposable
{
    private readonly ConcurrentDictionary<UploadId, SemaphoreSlim> _uploads = new();
    private readonly SemaphoreSlim _transfers = new(limits.MaxConcurrentTransfers, limits.MaxConcurrentTransfers);
    private readonly SemaphoreSlim _ingest = new(limits.MaxConcurrentCompletions, limits.MaxConcurrentCompletions);

    public async Task<IDisposable> LockAsync(UploadId id, CancellationToken cancellationToken)
    {
        var gate = _uploads.GetOrAdd(id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    /// <summary>A transfer slot, or <see cref="UploadsBusyException"/> at once when all are taken.</summary>
    public IDisposable EnterTransfer() =>
        _transfers.Wait(0)
            ? new Release(_transfers)
            : throw new UploadsBusyException($"{limits.MaxConcurrentTransfers} uploads are transferring already; try again later.", limits.RetryAfter);

    public async Task<IDisposable> EnterIngestAsync(CancellationToken cancellationToken)
    {
        await _ingest.WaitAsync(cancellationToken);
        return new Release(_ingest);
    }

    public void Forget(UploadId id) => _uploads.TryRemove(id, out _);

    public void Dispose()
    {
        _transfers.Dispose();
        _ingest.Dispose();
        foreach (var gate in _uploads.Values)
        {
            gate.Dispose();
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
