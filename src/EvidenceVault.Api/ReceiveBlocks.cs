using System.Buffers;
using Microsoft.AspNetCore.Connections;

namespace EvidenceVault.Api;

/// <summary>
/// The memory Kestrel's sockets receive into. Its own pool hands out 4 KiB blocks, so a request body arrives a few KiB
/// per recv(2), each one a hand-off through the connection's pipe (profiled on a 256 MiB upload: 131 000 recvfrom
/// calls of 2 KiB, and as many sched_yield). Blocks of 64 KiB let one call take what the socket already holds.
/// </summary>
internal static class ReceiveBlocks
{
    public const int Size = 64 * 1024;

    public static void AddLargeReceiveBlocks(this IServiceCollection services) =>
        services.AddSingleton<IMemoryPoolFactory<byte>, PoolFactory>();

    private sealed class PoolFactory : IMemoryPoolFactory<byte>
    {
        public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new Pool();
    }

    /// <summary>Blocks from the shared array pool, each at least <see cref="Size"/> long whatever the size asked for.</summary>
    private sealed class Pool : MemoryPool<byte>
    {
        public override int MaxBufferSize => Array.MaxLength;

        public override IMemoryOwner<byte> Rent(int minBufferSize = -1) => new Block(ArrayPool<byte>.Shared.Rent(Math.Max(minBufferSize, Size)));

        protected override void Dispose(bool disposing)
        {
        }
    }

    private sealed class Block(byte[] array) : IMemoryOwner<byte>
    {
        private byte[]? _array = array;

        public Memory<byte> Memory => _array ?? throw new ObjectDisposedException(nameof(Block));

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _array, null) is { } returned)
            {
                ArrayPool<byte>.Shared.Return(returned);
            }
        }
    }
}
