namespace PerfTesting.History.Records;

/// <summary>A figure kept per run and scenario, one series per metric in the analysis.</summary>
public enum HistoryMetric
{
    /// <summary>Median latency, ms (higher is worse).</summary>
    P50,

    /// <summary>95th percentile latency, ms (higher is worse).</summary>
    P95,

    /// <summary>99th percentile latency, ms (higher is worse).</summary>
    P99,

    /// <summary>Completed requests per second (lower is worse).</summary>
    Throughput,

    /// <summary>Failed divided by completed requests (higher is worse).</summary>
    ErrorRate,
}
