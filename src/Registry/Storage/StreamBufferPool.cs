using System.Buffers;
using Microsoft.Extensions.Options;
using Registry.Options;

namespace Registry.Storage;

/// <summary>
/// The copy buffers of archive downloads, one per download in flight, from a pool of the registry's
/// own. ArrayPool&lt;byte&gt;.Shared keeps only a few arrays of a size per core, so with 100 downloads
/// at once most rents missed it and allocated a fresh buffer (measured with bench/registry-vs-direct.sh);
/// this pool keeps about <see cref="MaxPooledBytes"/> of buffers at most for reuse (more downloads at
/// once than that holds get a buffer of their own, collected afterwards).
/// </summary>
internal sealed class StreamBufferPool
{
    /// <summary>Upper bound of the memory the pool keeps between downloads.</summary>
    public const long MaxPooledBytes = 64L * 1024 * 1024;

    private readonly ArrayPool<byte> _pool;

    public StreamBufferPool(IOptions<PerformanceOptions> options)
    {
        BufferBytes = options.Value.StreamBufferBytes;
        _pool = ArrayPool<byte>.Create(BufferBytes, (int)Math.Clamp(MaxPooledBytes / BufferBytes, 16, 4096));
    }

    /// <summary>The size of every buffer (stream_buffer_bytes).</summary>
    public int BufferBytes { get; }

    public byte[] Rent() => _pool.Rent(BufferBytes);

    public void Return(byte[] buffer) => _pool.Return(buffer);
}
