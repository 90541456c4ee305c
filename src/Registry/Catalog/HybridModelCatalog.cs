using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;
using Registry.Caching;
using Registry.Diagnostics;
using Registry.Models;
using Registry.Options;
using StackExchange.Redis;

namespace Registry.Catalog;

/// <summary>
/// The metadata cache: single-record lookups and list pages served from a <see cref="HybridCache"/>
/// (memory, plus Redis shared by every instance when <c>redis_cache_enabled</c>), each kind with its own
/// TTL. HybridCache runs one store read per key at a time on an instance however many requests miss
/// together (stampede protection).
/// <para>
/// Invalidation is by generation: every key carries the current generation of its kind, read from
/// <see cref="ICacheGenerations"/> on each request (one Redis GET, well under a millisecond on a LAN),
/// and an upload or reset replaces the generation before it answers. So once an upload through
/// instance A has returned, the next request through instance B cannot see the old list, with no
/// window for a pub/sub message in flight; the tags (<c>models</c>, <c>lists</c>) are removed as well so
/// memory is given back at once. Only found records are cached: a record never changes once stored
/// (a different upload gets 409), so a model's entry is invalidated by reset only, and an upload
/// invalidates the lists.
/// </para>
/// <para>When the generations cannot be read (Redis down) the request goes to the store: slower, never stale, never failed by Redis.</para>
/// </summary>
internal sealed class HybridModelCatalog : IModelCatalog, IDisposable
{
    private readonly IModelCatalog _inner;
    private readonly HybridCache _cache;
    private readonly ICacheGenerations _generations;
    private readonly RegistryMetrics _metrics;
    private readonly HybridCacheEntryOptions _modelEntry;
    private readonly HybridCacheEntryOptions _listEntry;

    public HybridModelCatalog(IModelCatalog inner, HybridCache cache, ICacheGenerations generations, IOptions<PerformanceOptions> options, RegistryMetrics metrics)
    {
        _inner = inner;
        _cache = cache;
        _generations = generations;
        _metrics = metrics;
        var model = TimeSpan.FromSeconds(options.Value.MetadataCacheTtlSeconds);
        var list = TimeSpan.FromSeconds(options.Value.ListCacheTtlSeconds);
        _modelEntry = new HybridCacheEntryOptions { Expiration = model, LocalCacheExpiration = model };
        _listEntry = new HybridCacheEntryOptions { Expiration = list, LocalCacheExpiration = list };
        _generations.Invalidated += DropLocal;
    }

    public async Task<ModelRecord?> GetAsync(ModelKey key, CancellationToken cancellationToken)
    {
        if (await _generations.ReadAsync(cancellationToken) is not { } generation)
        {
            _metrics.RecordCacheBypass(CacheKind.Model);
            return await _inner.GetAsync(key, cancellationToken);
        }

        var read = new StoreRead<ModelKey>(_inner, key);
        try
        {
            var record = await _cache.GetOrCreateAsync(
                $"model:{generation.Models}:{key.CatalogKey}",
                read,
                static async (state, token) => await state.Inner.GetAsync(state.Argument, token).ConfigureAwait(false)
                    ?? throw new NotInStoreException(),
                _modelEntry,
                [Tag(CacheKind.Model)],
                cancellationToken);
            RecordLookup(CacheKind.Model, read);
            return record;
        }
        catch (NotInStoreException)
        {
            // Not cached: an upload of this version must be visible at once, and it does not bump the model generation.
            _metrics.RecordCacheMiss(CacheKind.Model);
            return null;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            _metrics.RecordCacheBypass(CacheKind.Model);
            return await _inner.GetAsync(key, cancellationToken);
        }
    }

    public async Task<ModelPage> ListAsync(int limit, ModelKey? after, CancellationToken cancellationToken)
    {
        if (await _generations.ReadAsync(cancellationToken) is not { } generation)
        {
            _metrics.RecordCacheBypass(CacheKind.List);
            return await _inner.ListAsync(limit, after, cancellationToken);
        }

        var read = new StoreRead<(int Limit, ModelKey? After)>(_inner, (limit, after));
        try
        {
            var page = await _cache.GetOrCreateAsync(
                $"list:{generation.Lists}:{limit}:{after?.CatalogKey}",
                read,
                static async (state, token) => await state.Inner.ListAsync(state.Argument.Limit, state.Argument.After, token).ConfigureAwait(false),
                _listEntry,
                [Tag(CacheKind.List)],
                cancellationToken);
            RecordLookup(CacheKind.List, read);
            return page;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            _metrics.RecordCacheBypass(CacheKind.List);
            return await _inner.ListAsync(limit, after, cancellationToken);
        }
    }

    public async Task<(bool Added, ModelRecord Stored)> TryAddAsync(ModelRecord record, CancellationToken cancellationToken)
    {
        var result = await _inner.TryAddAsync(record, cancellationToken);
        if (result.Added)
        {
            await InvalidateAsync(CacheKind.List, "upload");
        }

        return result;
    }

    public async Task<bool> RemoveAsync(ModelKey key, CancellationToken cancellationToken)
    {
        // An upload that a reset overtook removes its record (see RegistryReset): no instance may keep serving it.
        var removed = await _inner.RemoveAsync(key, cancellationToken);
        await InvalidateAsync(CacheKind.Model, "remove");
        await InvalidateAsync(CacheKind.List, "remove");
        return removed;
    }

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _inner.EnsureCreatedAsync(cancellationToken);

    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        await _inner.ResetAsync(cancellationToken);
        await InvalidateAsync(CacheKind.Model, "reset");
        await InvalidateAsync(CacheKind.List, "reset");
    }

    public void Invalidate()
    {
        _ = InvalidateAsync(CacheKind.Model, "invalidate");
        _ = InvalidateAsync(CacheKind.List, "invalidate");
    }

    public void Dispose() => _generations.Invalidated -= DropLocal;

    private async Task InvalidateAsync(CacheKind kind, string reason)
    {
        // Not cancelled by the client: the store has changed, the cache must follow.
        await _generations.BumpAsync(kind, CancellationToken.None);
        _metrics.RecordCacheInvalidation(kind, reason);
    }

    private void RecordLookup(CacheKind kind, IStoreRead read)
    {
        if (read.Ran)
        {
            _metrics.RecordCacheMiss(kind);
        }
        else
        {
            _metrics.RecordCacheHit(kind);
        }
    }

    // Entries under an old generation are unreachable already; removing the tag frees their memory now.
    private void DropLocal(CacheKind kind) => _ = _cache.RemoveByTagAsync(Tag(kind)).AsTask();

    private static string Tag(CacheKind kind) => kind == CacheKind.Model ? "models" : "lists";

    private interface IStoreRead
    {
        bool Ran { get; }
    }

    /// <summary>The factory's state; records whether this call, rather than the cache, read the store.</summary>
    private sealed class StoreRead<T>(IModelCatalog inner, T argument) : IStoreRead
    {
        private int _ran;

        public IModelCatalog Inner
        {
            get
            {
                Interlocked.Exchange(ref _ran, 1);
                return inner;
            }
        }

        public T Argument => argument;

        public bool Ran => Volatile.Read(ref _ran) == 1;
    }

    /// <summary>Thrown by the factory so that a missing record is not cached.</summary>
    private sealed class NotInStoreException : Exception
    {
    }
}
