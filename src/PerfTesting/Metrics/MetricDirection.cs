namespace PerfTesting.Metrics;

/// <summary>Which way a metric gets worse.</summary>
public enum MetricDirection
{
    /// <summary>Latency, error rate: a rise is a regression.</summary>
    HigherIsWorse,

    /// <summary>Throughput: a fall is a regression.</summary>
    LowerIsWorse,
}
