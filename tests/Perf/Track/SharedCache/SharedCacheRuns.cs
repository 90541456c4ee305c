using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PerfTesting.Analysis;
using PerfTesting.Comparison;
using PerfTesting.BackingServices;
using PerfTesting.Measurement;
using PerfTesting.Reporting.Comparison;
using PerfTesting.Reporting.Model;
using Registry.Diagnostics;
using Tests.Perf.Track.Rounds;
using Tests.Shared;

namespace Tests.Perf.Track.SharedCache;

/// <summary>
/// The track's shared-cache and pool comparisons, kept beside the track rather than inside it, each an
/// A/B comparison in interleaved rounds (<see cref="TrackRounds"/>) of two configurations on the same
/// backing services, each with its own bucket, tables and database, seeded alike:
/// <list type="bullet">
/// <item>the metadata-heavy endpoints through two registry instances (clients spread over both),
/// without a cache (A) and with the Redis-shared cache (B), with the hit rate from the registry's own
/// counters and a stale-read probe (upload through one instance, read through the other at once);</item>
/// <item>the PostgreSQL store with the default pool (A) and a pool far too small for the clients (B),
/// so the analysers can name the pool wait as the bottleneck.</item>
/// </list>
/// </summary>
internal static class SharedCacheRuns
{
    /// <summary>How many A/B comparisons <see cref="RunAsync"/> runs: the shared cache and the pool.</summary>
    public const int ComparisonCount = 2;

    /// <summary>The pool of the "too small" run: two connections for twenty clients.</summary>
    public const int SmallPool = 2;

    private const int MetadataClients = 20;
    private const int PoolClients = 20;
    private const int PoolModels = 10;

    public static readonly ComponentInstrument PoolWait = RegistryComponents.PostgresPoolWait;

    /// <summary>What the runs add to the track.</summary>
    public sealed record Outcome(IReadOnlyList<RunReport> Runs, IReadOnlyList<ABReport> Comparisons, IReadOnlyList<string> Notes, bool StaleReadSeen, double HitRate);

    public static async Task<Outcome> RunAsync(
        BackingServiceEndpoints endpoints,
        string redis,
        TrackProfile profile,
        TrackRounds rounds,
        Func<RegistryApp, int, long, CancellationToken, Task> seed,
        Func<RunResult, IReadOnlyList<ComponentInstrument>, List<Finding>> analyse,
        CancellationToken ct)
    {
        var runs = new List<RunReport>();
        var notes = new List<string>();
        var comparisons = new List<ABReport>();

        // 1. Two instances without a cache (A) against two with the shared cache on one Redis (B).
        var uncachedNames = IsolatedNames.For("round-2x-nocache");
        var cachedNames = IsolatedNames.For("round-2x-cached");
        var cacheSettings = new Dictionary<string, string?> { ["Performance:redis_cache_enabled"] = "true", ["BackingServices:Redis"] = redis };
        await using var a1 = new RegistryApp(endpoints, uncachedNames);
        await using var a2 = new RegistryApp(endpoints, uncachedNames);
        await using var cachedA = new RegistryApp(endpoints, cachedNames, cacheSettings);
        await using var cachedB = new RegistryApp(endpoints, cachedNames, cacheSettings);
        await seed(a1, profile.Models, profile.RoundArchiveBytes, ct);
        await seed(cachedA, profile.Models, profile.RoundArchiveBytes, ct);
        using var uncachedWorkload = new MetadataWorkload([a1, a2]);
        using var cachedWorkload = new MetadataWorkload([cachedA, cachedB]);
        var window = Text($"{MetadataClients} closed clients spread over both instances for {profile.RoundWindow.TotalSeconds:0.##} s after {profile.RoundWarmUp.TotalSeconds:0.##} s warm-up per run: a list page, a model's metadata and the download's lookup (1-byte range), equal weights");
        var (cacheReport, cacheRuns) = await rounds.CompareAsync(
            new TrackComparisonPlan("shared-cache-2x", "metadata-2x-nocache", "Two instances, no cache", "shared-cache-2x", "Two instances, HybridCache with Redis as the shared level", window, ABSchedule.Interleaved,
                "Interleaved: the cache moves B's reads off DynamoDB and S3 onto Redis; in a duet the uncached pair would get dynalite and s3rver to itself and the gap would shrink."),
            profile.WindowRound(MetadataClients), uncachedWorkload.Scenarios, cachedWorkload.Scenarios, ct);
        comparisons.Add(cacheReport);
        var uncached = cacheRuns.Last(ABSide.A, "metadata-2x-nocache");
        var cached = cacheRuns.Last(ABSide.B, "shared-cache-2x");
        var hits = cached.Instrument(RegistryMetrics.CacheHits)?.Sum ?? 0;
        var misses = cached.Instrument(RegistryMetrics.CacheMisses)?.Sum ?? 0;
        var hitRate = hits + misses == 0 ? 0 : hits / (hits + misses);
        runs.Add(RunReports.From(uncached, Text($"Two instances, no cache, the last round of shared-cache-2x: {window}"), findings: analyse(uncached, [])));
        runs.Add(RunReports.From(cached,
            Text($"Two instances, HybridCache with Redis as the shared level, the last round of shared-cache-2x; hit rate {hitRate:P1} ({hits:0} hits, {misses:0} misses) from registry.cache.hits/misses"),
            findings: analyse(cached, [])));
        foreach (var endpoint in new[] { "list", "metadata", "download-lookup" })
        {
            var without = uncached.Scenario(endpoint).Latency;
            var with = cached.Scenario(endpoint).Latency;
            notes.Add(Text($"Shared cache, {endpoint}: p50 {with.P50:0.##} ms vs {without.P50:0.##} ms without ({with.P50 / without.P50:0.##}x), p99 {with.P99:0.##} ms vs {without.P99:0.##} ms ({with.P99 / without.P99:0.##}x), the last round of shared-cache-2x (descriptive; the verdict is the comparison's)."));
        }

        var stale = await UploadThroughAIsSeenThroughBAsync(cachedA, cachedB, ct);
        notes.Add(stale
            ? "Shared cache: STALE READ - an upload through instance A was not visible through instance B at once."
            : "Shared cache: an upload through instance A was listed and found through instance B at once (no stale read after invalidation).");

        // 2. Pools: the PostgreSQL store with the default pool (A) and a pool far too small (B).
        var postgres = new Dictionary<string, string?> { ["Performance:storage_backend"] = "Postgres" };
        await using var pool = new RegistryApp(endpoints, "round-pool-default", postgres);
        await using var small = new RegistryApp(endpoints, "round-pool-small", With(postgres, new() { ["Performance:postgres_max_pool_size"] = SmallPool.ToString(CultureInfo.InvariantCulture) }));
        await seed(pool, PoolModels, profile.RoundArchiveBytes, ct);
        await seed(small, PoolModels, profile.RoundArchiveBytes, ct);
        using var poolWorkload = new RegistryWorkload(pool);
        using var smallWorkload = new RegistryWorkload(small);
        var poolWindow = Text($"{PoolClients} closed clients downloading the {profile.RoundArchiveBytes / 1048576.0:0.##} MiB stand-in for {profile.RoundWindow.TotalSeconds:0.##} s after {profile.RoundWarmUp.TotalSeconds:0.##} s warm-up per run");
        var (poolReport, poolRuns) = await rounds.CompareAsync(
            new TrackComparisonPlan("pool-too-small", "pool-default", "PostgreSQL store, default pool (postgres_max_pool_size 200)", "pool-too-small", Text($"PostgreSQL store, pool too small (postgres_max_pool_size {SmallPool}) for {PoolClients} clients"), poolWindow, ABSchedule.Interleaved,
                "Interleaved: B's two-connection pool throttles its own load on PostgreSQL; in a duet A would get the database more to itself and the gap would widen (an invented part of the effect)."),
            profile.WindowRound(PoolClients), [poolWorkload.Download], [smallWorkload.Download], ct);
        comparisons.Add(poolReport);
        var defaultPool = poolRuns.Last(ABSide.A, "pool-default");
        var smallPool = poolRuns.Last(ABSide.B, "pool-too-small");
        runs.Add(RunReports.From(defaultPool, Text($"PostgreSQL store, default pool (postgres_max_pool_size 200), the last round of pool-too-small: {poolWindow}"), findings: analyse(defaultPool, [PoolWait])));
        runs.Add(RunReports.From(smallPool, Text($"PostgreSQL store, pool too small (postgres_max_pool_size {SmallPool}) for {PoolClients} clients, the last round of pool-too-small"), findings: analyse(smallPool, [PoolWait])));

        return new Outcome(runs, comparisons, notes, stale, hitRate);
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
