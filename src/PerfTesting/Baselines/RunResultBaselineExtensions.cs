using PerfTesting.Measurement;

namespace PerfTesting.Baselines;

/// <summary>Turns a measured run into what a baseline keeps (Baselines read Measurement, never the reverse).</summary>
public static class RunResultBaselineExtensions
{
    private static readonly Lazy<string> EmptyHistogram = new(() => HistogramCodec.Encode(LatencyHistograms.Create()));

    /// <summary>This run as a baseline snapshot (summary, encoded histogram, per-second throughput, fingerprint).</summary>
    /// <param name="result">The run.</param>
    /// <param name="name">The baseline's name (defaults to the run's).</param>
    /// <returns>The snapshot.</returns>
    public static BaselineSnapshot ToBaselineSnapshot(this RunResult result, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(
            name ?? result.Name,
            result.Environment.EndedAt,
            EnvironmentFingerprint.Capture(),
            new BaselineSummary(result.Totals.Completed, result.Totals.Failed, result.Duration.TotalSeconds, result.RequestsPerSecond, result.BytesPerSecond,
                result.Latency.Mean, result.Latency.P50, result.Latency.P95, result.Latency.P99, result.Latency.Max),
            result.LatencyHistogram,
            // Only whole seconds: the last, partial second would read as a throughput drop.
            [.. result.Series.Where(s => s.Second < (int)result.Duration.TotalSeconds).Select(s => (double)s.Requests)])
        {
            // Every second, the partial last one included, so that the clusters add up to the whole histogram. A second
            // without requests has no histogram (nothing to encode): it is an empty cluster, not a reason to drop them all.
            SecondHistograms = result.Series.Count > 0 && result.Series.All(s => s.Histogram is not null || s.Requests == 0)
                ? [.. result.Series.Select(s => s.Histogram ?? EmptyHistogram.Value)]
                : null,
        };
    }
}
