using PerfTesting.Measurement;
using PerfTesting.Metrics;

namespace PerfTesting.Comparison;

/// <summary>What one side's run in one round measured: the figures the comparison judges.</summary>
/// <param name="Requests">Completed requests in the measured window.</param>
/// <param name="P50">Median latency (ms).</param>
/// <param name="P95">95th percentile latency (ms).</param>
/// <param name="P99">99th percentile latency (ms).</param>
/// <param name="Throughput">Completed requests per second.</param>
/// <param name="ErrorRate">Failed / completed.</param>
public sealed record ABSample(long Requests, double P50, double P95, double P99, double Throughput, double ErrorRate)
{
    /// <summary>Takes the figures of a run.</summary>
    /// <param name="run">The run.</param>
    public static ABSample From(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new ABSample(run.Totals.Completed, run.Latency.P50, run.Latency.P95, run.Latency.P99, run.RequestsPerSecond, run.ErrorRate);
    }

    /// <summary>The value of <paramref name="metric"/>.</summary>
    /// <param name="metric">The metric.</param>
    public double Value(PerfMetric metric) => metric switch
    {
        PerfMetric.P50 => P50,
        PerfMetric.P95 => P95,
        PerfMetric.P99 => P99,
        PerfMetric.Throughput => Throughput,
        PerfMetric.ErrorRate => ErrorRate,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown metric."),
    };
}
