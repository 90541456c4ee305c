namespace PerfTesting.Baselines;

/// <summary>The metrics a baseline comparison judges.</summary>
public enum BaselineMetric
{
    /// <summary>Median latency; higher is worse.</summary>
    P50,

    /// <summary>95th percentile latency; higher is worse.</summary>
    P95,

    /// <summary>99th percentile latency; higher is worse.</summary>
    P99,

    /// <summary>Completed requests per second; lower is worse.</summary>
    Throughput,

    /// <summary>Share of failed requests; higher is worse.</summary>
    ErrorRate,
}
