namespace EvidenceVault.Application.Custody;

/// <summary>
/// The custody chain checked as it grows, for a long-running process (<c>/healthz</c>): the first check reads the
/// whole log once, each later one only the entries added since, plus the last verified entry again so a rewritten
/// tail is noticed. Work per check is proportional to what was appended, never to the ledger. A break stays
/// reported until the process restarts; <c>audit verify</c> and the signed checkpoints cover the whole log.
/// </summary>
public sealed class IncrementalChainCheck(ICustodyLog log) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CustodyChainCheck _chain = new();
    private CustodyBreak? _broken;

    public async Task<CustodyBreak?> CheckAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_broken is not null)
            {
                return _broken;
            }

            var (sequence, hash) = _chain.Head;
            var first = true;
            await foreach (var record in log.StreamAfterAsync(Math.Max(0, sequence - 1), cancellationToken))
            {
                if (first && sequence > 0)
                {
                    first = false;
                    if (record.Sequence != sequence || record.Hash != hash)
                    {
                        return _broken = new CustodyBreak(sequence, "The entry verified before has changed or is gone (the log's tail was rewritten).");
                    }

                    continue;
                }

                first = false;
                if (_chain.Next(record) is { } broken)
                {
                    return _broken = broken;
                }
            }

            return first && sequence > 0 ? _broken = new CustodyBreak(sequence, "The entry verified before is gone (the log was cut short).") : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
