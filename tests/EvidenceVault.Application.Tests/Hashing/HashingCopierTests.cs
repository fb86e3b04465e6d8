using System.Security.Cryptography;
using System.Text;
using EvidenceVault.Application.Hashing;

namespace EvidenceVault.Application.Tests.Hashing;

public sealed class HashingCopierTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ev-copier-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task CopyToNewFileAsync_Abc_MatchesPublishedSha256AndSm3Vectors()
    {
        var target = Path.Combine(_dir, "abc");

        var result = await HashingCopier.CopyToNewFileAsync(new MemoryStream("abc"u8.ToArray()), target, computeSm3: true, CancellationToken.None);

        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", result.Sha256.Hex);
        Assert.Equal("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", result.Sm3!.Value.Hex);
        Assert.Equal("abc", await File.ReadAllTextAsync(target, Encoding.ASCII));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(HashingCopier.BlockSize - 1)]
    [InlineData(HashingCopier.BlockSize)]
    [InlineData((HashingCopier.BlockSize * 5) + 17)]
    public async Task CopyToNewFileAsync_SizesAroundBlockBoundaries_CopiesAndHashesExactly(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        var target = Path.Combine(_dir, "copy");

        // A stream that returns short reads, like a USB device does.
        var result = await HashingCopier.CopyToNewFileAsync(new TrickleStream(bytes, 70_000), target, computeSm3: false, CancellationToken.None);

        Assert.Equal(size, result.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), result.Sha256.Hex);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(target));
        Assert.Null(result.Sm3);
        Assert.Equal(bytes.AsSpan(0, Math.Min(size, 4096)).ToArray(), result.Header);
    }

    [Fact]
    public async Task CopyToNewFileAsync_TargetExists_RefusesToOverwriteAsADestinationError()
    {
        var target = Path.Combine(_dir, "exists");
        await File.WriteAllTextAsync(target, "original");

        var refused = await Assert.ThrowsAsync<DestinationWriteException>(() => HashingCopier.CopyToNewFileAsync(new MemoryStream([1, 2, 3]), target, false, CancellationToken.None));
        Assert.IsType<IOException>(refused.InnerException);
        Assert.Equal("original", await File.ReadAllTextAsync(target));
    }

    [Fact]
    public async Task CopyToNewFileAsync_SourceFailsMidway_Throws()
    {
        var target = Path.Combine(_dir, "broken");

        await Assert.ThrowsAsync<IOException>(() => HashingCopier.CopyToNewFileAsync(new FailingStream(3 * HashingCopier.BlockSize), target, false, CancellationToken.None));
    }

    private sealed class TrickleStream(byte[] data, int maxRead) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, maxRead)], cancellationToken);
    }

    private sealed class FailingStream(long failAt) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= failAt)
            {
                throw new IOException("device unplugged");
            }

            _position += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
