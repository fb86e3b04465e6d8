using System.Diagnostics;
using EvidenceVault.Application.Sources;

namespace EvidenceVault.Bench;

/// <summary>Opens sources as the station does, each file read no faster than <paramref name="bytesPerSecond"/> (a USB 2 recorder).</summary>
internal sealed class ThrottledSourceFactory(IRecorderSourceFactory inner, long bytesPerSecond) : IRecorderSourceFactory
{
    public IRecorderSource Open(string location) => new ThrottledSource(inner.Open(location), bytesPerSecond);

    private sealed class ThrottledSource(IRecorderSource inner, long bytesPerSecond) : IRecorderSource
    {
        public string Location => inner.Location;

        public IAsyncEnumerable<SourceEntry> EnumerateAsync(CancellationToken cancellationToken) => inner.EnumerateAsync(cancellationToken);

        public async Task<Stream> OpenReadAsync(SourceEntry entry, CancellationToken cancellationToken) =>
            new ThrottledStream(await inner.OpenReadAsync(entry, cancellationToken), bytesPerSecond);

        public Task<SourceEntry> RefreshAsync(SourceEntry entry, CancellationToken cancellationToken) => inner.RefreshAsync(entry, cancellationToken);

        public Task DeleteAsync(SourceEntry entry, CancellationToken cancellationToken) => inner.DeleteAsync(entry, cancellationToken);
    }
}

/// <summary>
/// A read-only stream paced to a steady rate from its first read: after n bytes it waits until n / rate seconds have
/// passed (no initial burst, unlike a token bucket, so a source's read time is its size over the rate).
/// </summary>
internal sealed class ThrottledStream(Stream inner, long bytesPerSecond) : Stream
{
    // At most 256 KiB per read, so that the pacing stays smooth within a 1 MiB block.
    private const int MaxRead = 256 * 1024;

    private long _started = -1;
    private long _delivered;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position { get => _delivered; set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Start();
        var read = await inner.ReadAsync(buffer[..Math.Min(buffer.Length, MaxRead)], cancellationToken);
        if (Due(read) is { } due)
        {
            await Task.Delay(due, cancellationToken);
        }

        return read;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        Start();
        var read = inner.Read(buffer, offset, Math.Min(count, MaxRead));
        if (Due(read) is { } due)
        {
            Thread.Sleep(due);
        }

        return read;
    }

    private void Start()
    {
        if (_started < 0)
        {
            _started = Stopwatch.GetTimestamp();
        }
    }

    private TimeSpan? Due(int read)
    {
        _delivered += read;
        var due = TimeSpan.FromSeconds((double)_delivered / bytesPerSecond) - Stopwatch.GetElapsedTime(_started);
        return due > TimeSpan.Zero ? due : null;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }
}
