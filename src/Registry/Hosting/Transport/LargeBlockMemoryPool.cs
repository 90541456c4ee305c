using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Registry.Hosting.Transport;

/// <summary>
/// Kestrel's connection buffers in blocks of <see cref="BlockBytes"/> (64 KiB) instead of its default
/// 4 KiB, kept for reuse up to a bound.
/// </summary>
/// <remarks>
/// Why: an archive download writes tens of kilobytes per flush. In 4 KiB blocks each socket send carries
/// 16 or more buffers, and for more than 8 buffers the runtime's Unix send path allocates its iovec and
/// GCHandle arrays on the heap for every call: 19% of all the bytes the registry allocated on the S3
/// download path (EventPipe allocation ticks under bench/registry-vs-direct.sh, 4 MiB archives, 100
/// clients), besides one pin and one iovec per 4 KiB. In 64 KiB blocks a send carries one or two
/// buffers. Blocks are pinned arrays on the pinned object heap, as Kestrel's own pool does, because
/// the socket layer pins them for every operation anyway.
/// </remarks>
internal sealed class LargeBlockMemoryPool(int maxPooledBlocks) : MemoryPool<byte>
{
    /// <summary>The size of every block.</summary>
    public const int BlockBytes = 64 * 1024;

    private readonly ConcurrentQueue<Block> _free = new();
    private int _freeCount;
    private volatile bool _disposed;

    public override int MaxBufferSize => BlockBytes;

    /// <summary>Blocks waiting for reuse (for tests and diagnostics).</summary>
    public int PooledBlocks => Volatile.Read(ref _freeCount);

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, BlockBytes);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_free.TryDequeue(out var block))
        {
            Interlocked.Decrement(ref _freeCount);
            return block;
        }

        return new Block(this);
    }

    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        _free.Clear();
    }

    // Past the bound (or after disposal) a returned block is left to the GC: a burst of connections
    // does not pin its peak memory for the process's lifetime.
    private void Return(Block block)
    {
        if (_disposed)
        {
            return;
        }

        if (Interlocked.Increment(ref _freeCount) > maxPooledBlocks)
        {
            Interlocked.Decrement(ref _freeCount);
            return;
        }

        _free.Enqueue(block);
    }

    private sealed class Block(LargeBlockMemoryPool pool) : IMemoryOwner<byte>
    {
        public Memory<byte> Memory { get; } = MemoryMarshal.CreateFromPinnedArray(GC.AllocateUninitializedArray<byte>(BlockBytes, pinned: true), 0, BlockBytes);

        public void Dispose() => pool.Return(this);
    }
}
