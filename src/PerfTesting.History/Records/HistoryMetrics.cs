namespace PerfTesting.History.Records;

/// <summary>What each <see cref="HistoryMetric"/> reads from a record and which direction is worse.</summary>
public static class HistoryMetrics
{
    /// <summary>Every metric, in the order reports show them.</summary>
    public static IReadOnlyList<HistoryMetric> All { get; } = Enum.GetValues<HistoryMetric>();

    /// <summary>The metric's value in a record.</summary>
    /// <param name="record">The record.</param>
    /// <param name="metric">The metric.</param>
    /// <returns>The value (ms, requests per second, or a 0 to 1 rate).</returns>
    public static double ValueOf(this HistoryRecord record, HistoryMetric metric)
    {
        ArgumentNullException.ThrowIfNull(record);
        return metric switch
        {
            HistoryMetric.P50 => record.P50Ms,
            HistoryMetric.P95 => record.P95Ms,
            HistoryMetric.P99 => record.P99Ms,
            HistoryMetric.Throughput => record.ThroughputPerSecond,
            HistoryMetric.ErrorRate => record.ErrorRate,
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "unknown metric"),
        };
    }

    /// <summary>Whether a higher value is a regression (latency, errors) rather than an improvement (throughput).</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>True when up is worse.</returns>
    public static bool HigherIsWorse(this HistoryMetric metric) => metric != HistoryMetric.Throughput;

    /// <summary>The unit shown beside the metric's values.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>ms, req/s, or an empty string for a rate.</returns>
    public static string Unit(this HistoryMetric metric) => metric switch
    {
        HistoryMetric.Throughput => "req/s",
        HistoryMetric.ErrorRate => "",
        _ => "ms",
    };
}
