namespace PerfTesting.Reporting.Model;

/// <summary>Latency statistics of a run, in milliseconds.</summary>
/// <param name="Min">Smallest.</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="StdDev">Standard deviation.</param>
/// <param name="P50">Median.</param>
/// <param name="P75">75th percentile.</param>
/// <param name="P90">90th percentile.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="P99">99th percentile.</param>
/// <param name="P999">99.9th percentile.</param>
/// <param name="Max">Largest.</param>
public sealed record LatencySummary(double Min, double Mean, double StdDev, double P50, double P75, double P90, double P95, double P99, double P999, double Max);
