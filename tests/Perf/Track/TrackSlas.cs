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

    /// <summary>The workload: no more than 1% errors, a p99 bound, a throughput floor.</summary>
    public static SlaDefinition Workload(TrackProfile profile) => Sla.Define()
        .ErrorRate(0.01)
        .LatencyPercentile(99, profile.Name == "ci" ? TimeSpan.FromSeconds(20) : TimeSpan.FromSeconds(120))
        .Throughput(profile.Name == "ci" ? 5 : 0.5)
        .Build();

    /// <summary>A spike may slow requests down but must not fail them.</summary>
    public static SlaDefinition Spike() => Sla.Define().ErrorRate(0.01).Build();

    /// <summary>What "broken" means for the stress search: errors, or a p99 beyond the bound.</summary>
    public static SlaDefinition Stress(TrackProfile profile) => Sla.Define()
        .ErrorRate(0.01)
        .LatencyPercentile(99, profile.ShapeArchiveBytes <= 4L * 1024 * 1024 ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(30))
        .Build();
}
