using Registry.Hosting.Transport;

namespace Tests.Unit.Registry.Hosting;

/// <summary>Kestrel's connection buffers in 64 KiB blocks: reused, bounded, refused past disposal.</summary>
public sealed class LargeBlockMemoryPoolTests
{
    [Fact]
    public void EveryRent_IsOneWholeBlock_WhateverTheHint()
    {
        using var pool = new LargeBlockMemoryPool(maxPooledBlocks: 4);

        using var small = pool.Rent(1);
        using var unspecified = pool.Rent();
        using var whole = pool.Rent(LargeBlockMemoryPool.BlockBytes);

        Assert.All([small, unspecified, whole], block => Assert.Equal(LargeBlockMemoryPool.BlockBytes, block.Memory.Length));
        Assert.Equal(LargeBlockMemoryPool.BlockBytes, pool.MaxBufferSize);
        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(LargeBlockMemoryPool.BlockBytes + 1));
    }

    [Fact]
    public void AReturnedBlock_IsRentedAgain_NotANewOne()
    {
        using var pool = new LargeBlockMemoryPool(maxPooledBlocks: 4);
        var first = pool.Rent();
        first.Memory.Span[0] = 42;
        first.Dispose();

        using var second = pool.Rent();

        Assert.Same(first, second);
        Assert.Equal(0, pool.PooledBlocks);
    }

    [Fact]
    public void IdleBlocks_AreKeptUpToTheBound_TheRestLeftToTheCollector()
    {
        using var pool = new LargeBlockMemoryPool(maxPooledBlocks: 3);
        var rented = Enumerable.Range(0, 10).Select(_ => pool.Rent()).ToList();

        rented.ForEach(block => block.Dispose());

        Assert.Equal(3, pool.PooledBlocks);
        var again = Enumerable.Range(0, 4).Select(_ => pool.Rent()).ToList();
        Assert.Equal(3, again.Count(rented.Contains));
    }

    [Fact]
    public void AfterDisposal_RentsAreRefused_AndReturnsDropped()
    {
        var pool = new LargeBlockMemoryPool(maxPooledBlocks: 3);
        var block = pool.Rent();
        pool.Dispose();

        block.Dispose();

        Assert.Equal(0, pool.PooledBlocks);
        Assert.Throws<ObjectDisposedException>(() => pool.Rent());
    }
}
