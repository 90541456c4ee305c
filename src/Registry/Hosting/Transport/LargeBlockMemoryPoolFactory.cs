using System.Buffers;
using Microsoft.AspNetCore.Connections;

namespace Registry.Hosting.Transport;

/// <summary>
/// Gives Kestrel's socket transport <see cref="LargeBlockMemoryPool"/>s (registered in place of its
/// default factory). Each pool keeps at most <see cref="MaxPooledBytes"/> of idle blocks.
/// </summary>
internal sealed class LargeBlockMemoryPoolFactory : IMemoryPoolFactory<byte>
{
    /// <summary>Upper bound of the idle block memory one pool keeps.</summary>
    public const int MaxPooledBytes = 64 * 1024 * 1024;

    public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new LargeBlockMemoryPool(MaxPooledBytes / LargeBlockMemoryPool.BlockBytes);
}
