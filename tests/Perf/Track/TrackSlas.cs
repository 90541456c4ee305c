using PerfTesting.Assertions;

namespace Tests.Perf.Track;

/// <summary>
/// The track's SLAs. Bounds are set from measured runs on this 2-core machine with room for a slower
/// CI runner (see docs/performance-report.md for the measured values they were set from).
/// </summary>
internal static class TrackSlas
{
    /// <summary>Soak: the working-set / heap slope above which the report flags growth (reported, not a gate).</summary>
    public const double MemoryGrowthLimitMiBPerMinute = 16;

    /// <summary>
    /// Soak gate: live managed memory (after a forced full GC) the soak may leave behind. A leak of one
    /// 64 KiB buffer per request over the full profile's soak (~1,800 requests) leaves ~110 MiB and fails it.
    /// </summary>
    public const long RetainedHeapGrowthLimitBytes = 16L * 1024 * 1024;

    /// <summary>
    /// The workload (the baseline: 100 clients each downloading the 40 MiB stand-in once, all at once;
    /// the soak uses it too): no more than 1% errors, a p99 bound, a throughput floor.
    /// Full profile, measured with `bash run-perf.sh` on this 2-core machine: p99 19.2 s and 5.2 req/s
    /// (docs/performance-report.md of 2026-11-29), 13.9 s and 7.2 req/s (issue 11's run), and 52.8 s
    /// and 1.9 req/s on 2026-11-30 with fault tests and other engineers' builds running beside it (the
    /// download is bound by s3rver's one Node thread, so CPU contention slows it about 3x); then, with
    /// these bounds, 26.5 s and 3.8 req/s (load average about 45 from the other engineers) and 55.5 s
    /// and 1.8 req/s (with `dotnet test` of tests/Unit and tests/Integration beside it). Margin:
    /// 1.5x beyond the worst loaded figure, so p99 &lt;= 80 s and &gt;= 1.2 req/s. The old bounds
    /// (120 s, 0.5 req/s) let through a registry 10x slower than the quiet figures; these fail one
    /// about 4x slower (serialising the downloads, or buffering each archive before sending it).
    /// </summary>
    public static SlaDefinition Workload(TrackProfile profile) => Sla.Define()
        .ErrorRate(0.01)
        .LatencyPercentile(99, profile.Name == "ci" ? TimeSpan.FromSeconds(20) : TimeSpan.FromSeconds(80))
        .Throughput(profile.Name == "ci" ? 5 : 1.2)
        .Build();

    /// <summary>A spike may slow requests down but must not fail them.</summary>
    public static SlaDefinition Spike() => Sla.Define().ErrorRate(0.01).Build();

    /// <summary>What "broken" means for the stress search: errors, or a p99 beyond the bound.</summary>
    public static SlaDefinition Stress(TrackProfile profile) => Sla.Define()
        .ErrorRate(0.01)
        .LatencyPercentile(99, profile.ShapeArchiveBytes <= 4L * 1024 * 1024 ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(30))
        .Build();
}
