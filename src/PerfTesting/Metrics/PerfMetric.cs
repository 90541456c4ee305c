namespace PerfTesting.Metrics;

/// <summary>
/// The figures a run is judged by: the one vocabulary of baseline checks, A/B comparisons and the history.
/// <see cref="PerfMetrics"/> gives each its display name, unit, direction and number format.
/// </summary>
public enum PerfMetric
{
    /// <summary>Median latency, ms; higher is worse.</summary>
    P50,

    /// <summary>95th percentile latency, ms; higher is worse.</summary>
    P95,

    /// <summary>99th percentile latency, ms; higher is worse.</summary>
    P99,

    /// <summary>Completed requests per second; lower is worse.</summary>
    Throughput,

    /// <summary>Failed divided by completed requests (0 to 1); higher is worse. Its changes are absolute (percentage points), since a ratio of zero error rates means nothing.</summary>
    ErrorRate,
}
