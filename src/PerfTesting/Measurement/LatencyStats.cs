using HdrHistogram;

namespace PerfTesting.Measurement;

/// <summary>Latency statistics in milliseconds, read from an HdrHistogram of microseconds.</summary>
/// <param name="Count">Values recorded.</param>
/// <param name="Min">Smallest.</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="StdDev">Standard deviation.</param>
/// <param name="P50">Median.</param>
/// <param name="P75">75th percentile.</param>
/// <param name="P90">90th percentile.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="P99">99th percentile.</param>
/// <param name="P999">99.9th percentile.</param>
/// <param name="Max">Largest.</param>
public sealed record LatencyStats(long Count, double Min, double Mean, double StdDev, double P50, double P75, double P90, double P95, double P99, double P999, double Max)
{
    /// <summary>No values.</summary>
    public static LatencyStats Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Reads the statistics of a histogram of microseconds.</summary>
    /// <param name="histogram">The histogram.</param>
    /// <returns>Statistics in milliseconds (HdrHistogram's equivalent-value precision: 3 significant digits).</returns>
    public static LatencyStats From(HistogramBase histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (histogram.TotalCount == 0)
        {
            return Empty;
        }

        double Ms(double micros) => micros / 1000.0;
        double At(double percentile) => Ms(histogram.GetValueAtPercentile(percentile));
        var min = histogram.RecordedValues().First().ValueIteratedTo;
        return new LatencyStats(
            histogram.TotalCount,
            Ms(histogram.LowestEquivalentValue(min)),
            Ms(histogram.GetMean()),
            Ms(histogram.GetStdDeviation()),
            At(50), At(75), At(90), At(95), At(99), At(99.9),
            Ms(histogram.GetMaxValue()));
    }

    /// <summary>The latency at <paramref name="percentile"/> from a histogram of microseconds, in milliseconds.</summary>
    /// <param name="histogram">The histogram.</param>
    /// <param name="percentile">0 to 100.</param>
    public static double Percentile(HistogramBase histogram, double percentile)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        return histogram.TotalCount == 0 ? 0 : histogram.GetValueAtPercentile(percentile) / 1000.0;
    }
}
