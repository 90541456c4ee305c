namespace PerfTesting.Comparison;

/// <summary>The metrics an A/B comparison judges, each measured once per side per round.</summary>
public enum ABMetric
{
    /// <summary>Median latency (ms); higher is worse.</summary>
    P50,

    /// <summary>95th percentile latency (ms); higher is worse.</summary>
    P95,

    /// <summary>99th percentile latency (ms); higher is worse.</summary>
    P99,

    /// <summary>Completed requests per second; lower is worse.</summary>
    Throughput,

    /// <summary>Failed / completed requests; higher is worse. Compared as an absolute difference (a ratio of zero error rates means nothing).</summary>
    ErrorRate,
}
