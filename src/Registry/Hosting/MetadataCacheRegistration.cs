using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Options;
using Registry.Caching;
using Registry.Catalog;
using Registry.Diagnostics;
using Registry.Models;
using Registry.Options;
using Registry.Resilience;

namespace Registry.Hosting;

/// <summary>
/// The catalog, with the metadata cache in front of it when the options ask for one: a HybridCache in
/// memory (<c>metadata_cache_enabled</c>), with Redis as its shared second level (<c>redis_cache_enabled</c>).
/// Without either, nothing about caching is registered and no Redis is needed.
/// </summary>
internal static class MetadataCacheRegistration
{
    public static IHostApplicationBuilder AddMetadataCache(this IHostApplicationBuilder builder)
    {
        // Decided when the services are resolved, not here: test hosts and launchers add their
        // configuration after this runs.
        var services = builder.Services;
        services.AddHybridCache(options =>
            {
                // Records are small; a page of 100 records is a few tens of KB.
                options.MaximumPayloadBytes = 4 * 1024 * 1024;
            })
            .AddSerializer<ModelRecord, CacheJsonSerializer<ModelRecord>>()
            .AddSerializer<ModelPage, CacheJsonSerializer<ModelPage>>();
        services.AddSingleton<RedisConnection>();
        // HybridCache takes a registered IDistributedCache as its second level, and none (null) means memory only.
        services.AddSingleton<IDistributedCache>(sp => Options(sp).RedisCacheEnabled
            ? new RedisCache(Microsoft.Extensions.Options.Options.Create(new RedisCacheOptions
            {
                ConnectionMultiplexerFactory = () => Task.FromResult<StackExchange.Redis.IConnectionMultiplexer>(sp.GetRequiredService<RedisConnection>().Multiplexer),
                InstanceName = sp.GetRequiredService<IOptions<RegistryOptions>>().Value.TablePrefix + "cache:",
            }))
            : null!);
        services.AddSingleton<ICacheGenerations>(sp => Options(sp).RedisCacheEnabled
            ? ActivatorUtilities.CreateInstance<RedisCacheGenerations>(sp)
            : new InProcessCacheGenerations());
        services.AddSingleton<IModelCatalog>(sp => Options(sp).AnyMetadataCache
            ? new HybridModelCatalog(
                Guarded(sp),
                sp.GetRequiredService<HybridCache>(),
                sp.GetRequiredService<ICacheGenerations>(),
                sp.GetRequiredService<IOptions<PerformanceOptions>>(),
                sp.GetRequiredService<RegistryMetrics>())
            : Guarded(sp));
        return builder;
    }

    // The catalog behind the cache answers within the DynamoDB bound and trips its breaker (Resilience/).
    private static IModelCatalog Guarded(IServiceProvider sp) => new GuardedModelCatalog(
        sp.GetRequiredService<DynamoDbModelCatalog>(), sp.GetRequiredService<BackingServiceGuards>().DynamoDb, sp.GetRequiredService<IOptions<ResilienceOptions>>().Value);

    private static PerformanceOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<PerformanceOptions>>().Value;
}
