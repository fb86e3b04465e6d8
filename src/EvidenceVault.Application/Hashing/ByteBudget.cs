namespace EvidenceVault.Application.Hashing;

/// <summary>
/// A token bucket on bytes read, so background re-hashing leaves the disk (or the storage account) to
/// ingest and retrieval. It holds one second of budget, so short bursts pass and the long-run rate is the
/// budget. Time comes from the injected <see cref="TimeProvider"/>, waits too, so tests need no clock.
/// </summary>
public sealed class ByteBudget
{
    private readonly double _bytesPerSecond;
    private readonly TimeProvider _time;
    private double _tokens;
    private long _stamp;

    public ByteBudget(double bytesPerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytesPerSecond);
        (_bytesPerSecond, _time, _tokens, _stamp) = (bytesPerSecond, time, bytesPerSecond, time.GetTimestamp());
    }

    /// <summary>Takes <paramref name="bytes"/> from the bucket, waiting until the debt is paid off when it runs dry.</summary>
    public async ValueTask SpendAsync(long bytes, CancellationToken cancellationToken)
    {
        var now = _time.GetTimestamp();
        _tokens = Math.Min(_bytesPerSecond, _tokens + (_time.GetElapsedTime(_stamp, now).TotalSeconds * _bytesPerSecond)) - bytes;
        _stamp = now;
        if (_tokens < 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(-_tokens / _bytesPerSecond), _time, cancellationToken);
        }
    }
}
