namespace PerfTesting.Assertions;

/// <summary>What an SLA line limits.</summary>
public enum SlaMetric
{
    /// <summary>A latency percentile must stay below a limit.</summary>
    LatencyPercentile,

    /// <summary>The share of failed requests must stay below a limit.</summary>
    ErrorRate,

    /// <summary>Completed requests per second must stay above a limit.</summary>
    Throughput,

    /// <summary>Open-model arrivals dropped at the in-flight cap must stay below a share.</summary>
    DroppedRate,
}
