using PerfTesting.Metrics;

namespace PerfTesting.History.Records;

/// <summary>What each <see cref="PerfMetric"/> reads from a record (names, units and directions: <see cref="PerfMetrics"/>).</summary>
public static class HistoryMetrics
{
    /// <summary>The metric's value in a record.</summary>
    /// <param name="record">The record.</param>
    /// <param name="metric">The metric.</param>
    /// <returns>The value (ms, requests per second, or a 0 to 1 rate).</returns>
    public static double ValueOf(this HistoryRecord record, PerfMetric metric)
    {
        ArgumentNullException.ThrowIfNull(record);
        return metric switch
        {
            PerfMetric.P50 => record.P50Ms,
            PerfMetric.P95 => record.P95Ms,
            PerfMetric.P99 => record.P99Ms,
            PerfMetric.Throughput => record.ThroughputPerSecond,
            PerfMetric.ErrorRate => record.ErrorRate,
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "unknown metric"),
        };
    }
}
