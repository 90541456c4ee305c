using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Registry.Hosting;
using Registry.Options;

namespace Registry.Storage.Caching;

/// <summary>The <c>archive_cache</c> entry of /health/components: whether the cache is on, its fills and its size.</summary>
internal sealed class ArchiveCacheHealthComponent(ArchiveCache cache, IOptions<PerformanceOptions> options) : IHealthComponent
{
    public string Name => "archive_cache";

    // Nothing expensive to read in the background: the counters are in memory.
    public Task RefreshAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public HealthDescription Describe() =>
        new("ok", new CacheStatus("ok", options.Value.ArchiveCacheEnabled, cache.Fills, cache.CachedBytes, cache.MaxBytes));

    internal sealed record CacheStatus(
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("enabled")] bool Enabled,
        [property: JsonPropertyName("fills")] long Fills,
        [property: JsonPropertyName("cached_bytes")] long CachedBytes,
        [property: JsonPropertyName("max_bytes")] long MaxBytes);
}
