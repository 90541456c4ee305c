namespace Registry.Caching;

/// <summary>Generations of a single instance's cache (<c>metadata_cache_enabled</c> without Redis).</summary>
internal sealed class InProcessCacheGenerations : ICacheGenerations
{
    private long _models;
    private long _lists;

    public event Action<CacheKind>? Invalidated;

    public ValueTask<CacheGeneration?> ReadAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<CacheGeneration?>(new CacheGeneration(Text(Interlocked.Read(ref _models)), Text(Interlocked.Read(ref _lists))));

    public ValueTask<bool> BumpAsync(CacheKind kind, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref kind == CacheKind.Model ? ref _models : ref _lists);
        Invalidated?.Invoke(kind);
        return ValueTask.FromResult(true);
    }

    private static string Text(long generation) => generation.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
