using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PerfTesting.Analysis;
using PerfTesting.Baselines;
using PerfTesting.BackingServices;
using PerfTesting.Load;
using PerfTesting.Measurement;
using PerfTesting.Reporting.Model;
using Registry.Diagnostics;
using Registry.Seeding;
using Tests.Shared;

namespace Tests.Perf.Track.SharedCache;

/// <summary>
/// The track's shared-cache and pool runs, kept beside the track rather than inside it:
/// <list type="bullet">
/// <item>the metadata-heavy endpoints through two registry instances (clients spread over both) on the
/// same backing services, without a cache and then with the Redis-shared cache, compared by the
/// track's verdict, with the hit rate from the registry's own counters and a stale-read probe
/// (upload through A, read through B at once);</item>
/// <item>the PostgreSQL store with a pool far too small for the clients, against the default pool,
/// so the analysers can name the pool wait as the bottleneck.</item>
/// </list>
/// </summary>
internal static class SharedCacheRuns
{
    /// <summary>The pool of the "too small" run: two connections for twenty clients.</summary>
    public const int SmallPool = 2;

    private const int MetadataClients = 20;
    private const int PoolClients = 20;

    public static readonly ComponentInstrument PoolWait = RegistryComponents.PostgresPoolWait;

    /// <summary>What the runs add to the track.</summary>
    public sealed record Outcome(IReadOnlyList<RunReport> Runs, IReadOnlyList<string> Notes, bool StaleReadSeen, double HitRate);

    public static async Task<Outcome> RunAsync(
        BackingServiceEndpoints endpoints,
        string redis,
        IReadOnlyDictionary<string, string?> sharedData,
        TrackProfile profile,
        Func<string, LoadRunner> runner,
        Func<RunResult, IReadOnlyList<ComponentInstrument>, List<Finding>> analyse,
        CancellationToken ct)
    {
        var runs = new List<RunReport>();
        var notes = new List<string>();
        var load = LoadProfile.Closed(MetadataClients, profile.RunDuration).WithWarmUp(profile.WarmUp);

        // 1. Two instances, no cache: the reference for the cached pair.
        RunResult uncached;
        await using (var a = new RegistryApp(endpoints, "track-2x-a", With(sharedData)))
        await using (var b = new RegistryApp(endpoints, "track-2x-b", With(sharedData)))
        {
            using var workload = new MetadataWorkload([a, b]);
            uncached = await runner("metadata-2x-nocache").RunAsync(load, workload.Scenarios, ct);
        }

        var reference = uncached.ToBaselineSnapshot("metadata-2x-nocache");
        runs.Add(RunReports.From(uncached, $"Two instances, no cache: list, metadata and the download's lookup (1-byte range), {MetadataClients} clients spread over both",
            findings: analyse(uncached, [])));

        // 2. The same two instances' configuration with the shared cache on one Redis.
        var cacheSettings = With(sharedData, new() { ["Performance:redis_cache_enabled"] = "true", ["BackingServices:Redis"] = redis });
        await using var cachedA = new RegistryApp(endpoints, "track-2x-cached-a", cacheSettings);
        await using var cachedB = new RegistryApp(endpoints, "track-2x-cached-b", cacheSettings);
        RunResult cached;
        using (var workload = new MetadataWorkload([cachedA, cachedB]))
        {
            cached = await runner("shared-cache-2x").RunAsync(load, workload.Scenarios, ct);
        }

        var hits = cached.Instrument(RegistryMetrics.CacheHits)?.Sum ?? 0;
        var misses = cached.Instrument(RegistryMetrics.CacheMisses)?.Sum ?? 0;
        var hitRate = hits + misses == 0 ? 0 : hits / (hits + misses);
        var comparison = BaselineComparer.Compare(reference, cached.ToBaselineSnapshot("shared-cache-2x"));
        runs.Add(RunReports.From(cached,
            Text($"Two instances, HybridCache with Redis as the shared level: same endpoints and clients; hit rate {hitRate:P1} ({hits:0} hits, {misses:0} misses) from registry.cache.hits/misses"),
            baseline: new BaselineOutcome("shared-cache-2x", BaselineStatus.Compared, comparison, null),
            findings: analyse(cached, [])));
        foreach (var endpoint in new[] { "list", "metadata", "download-lookup" })
        {
            var without = uncached.Scenario(endpoint).Latency;
            var with = cached.Scenario(endpoint).Latency;
            notes.Add(Text($"Shared cache, {endpoint}: p50 {with.P50:0.##} ms vs {without.P50:0.##} ms without ({with.P50 / without.P50:0.##}x), p99 {with.P99:0.##} ms vs {without.P99:0.##} ms ({with.P99 / without.P99:0.##}x), same run of the track."));
        }

        var stale = await UploadThroughAIsSeenThroughBAsync(cachedA, cachedB, ct);
        notes.Add(stale
            ? "Shared cache: STALE READ - an upload through instance A was not visible through instance B at once."
            : "Shared cache: an upload through instance A was listed and found through instance B at once (no stale read after invalidation).");

        // 3. Pools: the PostgreSQL store with a pool far too small, against the default pool, same data.
        var postgresNames = IsolatedNames.For("track-pool");
        var postgresData = new Dictionary<string, string?>
        {
            ["Registry:Bucket"] = postgresNames.Bucket,
            ["Registry:TablePrefix"] = postgresNames.TablePrefix,
            ["Registry:Database"] = postgresNames.Database,
            ["Performance:storage_backend"] = "Postgres",
        };
        var poolLoad = LoadProfile.Closed(PoolClients, profile.RunDuration).WithWarmUp(profile.WarmUp);
        RunResult defaultPool;
        await using (var registry = new RegistryApp(endpoints, "track-pool", postgresData))
        {
            using var admin = registry.Admin();
            admin.Timeout = TimeSpan.FromMinutes(5);
            await new RegistrySeeder(admin, new StringWriter()).SeedAsync(10, profile.ShapeArchiveBytes, ct);
            using var workload = new RegistryWorkload(registry);
            defaultPool = await runner("pool-default").RunAsync(poolLoad, workload.Download, ct);
        }

        runs.Add(RunReports.From(defaultPool, Text($"PostgreSQL store, default pool (postgres_max_pool_size 200): {PoolClients} clients downloading {profile.ShapeArchiveBytes / 1048576.0:0.##} MiB"),
            findings: analyse(defaultPool, [PoolWait])));
        await using (var small = new RegistryApp(endpoints, "track-pool-small", With(postgresData, new() { ["Performance:postgres_max_pool_size"] = SmallPool.ToString(CultureInfo.InvariantCulture) })))
        {
            using var workload = new RegistryWorkload(small);
            var smallPool = await runner("pool-too-small").RunAsync(poolLoad, workload.Download, ct);
            var poolComparison = BaselineComparer.Compare(defaultPool.ToBaselineSnapshot("pool-default"), smallPool.ToBaselineSnapshot("pool-too-small"));
            runs.Add(RunReports.From(smallPool, Text($"PostgreSQL store, pool too small (postgres_max_pool_size {SmallPool}) for {PoolClients} clients; compared with the default pool"),
                baseline: new BaselineOutcome("pool-too-small", BaselineStatus.Compared, poolComparison, null),
                findings: analyse(smallPool, [PoolWait])));
        }

        return new Outcome(runs, notes, stale, hitRate);
    }

    /// <summary>True when B served a stale list or a stale miss after A's upload had returned.</summary>
    private static async Task<bool> UploadThroughAIsSeenThroughBAsync(RegistryApp a, RegistryApp b, CancellationToken ct)
    {
        using var adminA = a.Admin();
        using var readerB = b.Reader();
        // An owner starting with a digit sorts before every seeded model: it lands on the first page.
        var id = "0probe" + Guid.NewGuid().ToString("N")[..8] + "/cache-probe";
        for (var i = 0; i < 2; i++)
        {
            _ = await FirstPageAsync(readerB, ct); // B now holds the first page in its cache
        }

        var archive = new byte[1024];
        archive[0] = 0x50;
        archive[1] = 0x4B;
        archive[2] = 0x03;
        archive[3] = 0x04;
        using var content = new ByteArrayContent(archive);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        (await adminA.PutAsync($"models/{id}/1.0.0", content, ct)).EnsureSuccessStatusCode();
        var listed = await FirstPageAsync(readerB, ct);
        using var found = await readerB.GetAsync($"models/{id}/1.0.0", ct);
        return !(listed.Contains(id) && found.StatusCode == HttpStatusCode.OK);
    }

    private static async Task<HashSet<string>> FirstPageAsync(HttpClient client, CancellationToken ct)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("models?limit=50", ct);
        return [.. page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("model_id").GetString() ?? "")];
    }

    private static Dictionary<string, string?> With(IReadOnlyDictionary<string, string?> settings, Dictionary<string, string?>? extra = null)
    {
        var all = new Dictionary<string, string?>(settings);
        foreach (var (key, value) in extra ?? [])
        {
            all[key] = value;
        }

        return all;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
