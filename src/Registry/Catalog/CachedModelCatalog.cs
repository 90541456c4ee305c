using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Registry.Models;
using Registry.Options;

namespace Registry.Catalog;

/// <summary>
/// The metadata-cache optimisation: single-record lookups are served from memory for the configured
/// TTL. Only found records are cached, so a model uploaded after a miss is seen at once; a version's
/// bytes never change once stored (a different upload gets 409), so a cached record cannot go stale
/// except through reset, which clears the cache.
/// </summary>
internal sealed class CachedModelCatalog(IModelCatalog inner, IMemoryCache cache, IOptions<PerformanceOptions> options) : IModelCatalog
{
    public async Task<ModelRecord?> GetAsync(ModelKey key, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(key, out ModelRecord? cached))
        {
            return cached;
        }

        var record = await inner.GetAsync(key, cancellationToken);
        if (record is not null)
        {
            cache.Set(key, record, TimeSpan.FromSeconds(options.Value.MetadataCacheTtlSeconds));
        }

        return record;
    }

    public Task<(bool Added, ModelRecord Stored)> TryAddAsync(ModelRecord record, CancellationToken cancellationToken) =>
        inner.TryAddAsync(record, cancellationToken);

    public async Task<bool> RemoveAsync(ModelKey key, CancellationToken cancellationToken)
    {
        cache.Remove(key);
        return await inner.RemoveAsync(key, cancellationToken);
    }

    public Task<ModelPage> ListAsync(int limit, ModelKey? after, CancellationToken cancellationToken) =>
        inner.ListAsync(limit, after, cancellationToken);

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => inner.EnsureCreatedAsync(cancellationToken);

    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        await inner.ResetAsync(cancellationToken);
        Invalidate();
    }

    public void Invalidate()
    {
        if (cache is MemoryCache memory)
        {
            memory.Clear();
        }
    }
}
