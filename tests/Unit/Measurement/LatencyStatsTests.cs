using PerfTesting.Measurement;

namespace Tests.Unit.Measurement;

/// <summary>
/// The statistics read from the histogram against the same statistics computed independently from the
/// raw values (sorted array, nearest-rank percentiles, two-pass mean and population standard deviation).
/// The histogram keeps 3 significant digits, so every figure may differ by its bucket width: at most
/// 1/1024 of the value (the histogram's sub-bucket resolution), plus the 1 µs unit.
/// </summary>
public sealed class LatencyStatsTests
{
    private const double Resolution = 1.0 / 1024;

    [Fact]
    public void From_LogNormalLatencies_MatchesStatisticsComputedFromTheRawValues()
    {
        // 100,000 latencies around 5 ms with a long right tail, plus a few multi-second outliers.
        var random = new Random(20261123);
        var micros = Enumerable.Range(0, 100_000)
            .Select(_ => (long)Math.Round(5_000 * Math.Exp(0.8 * Gaussian(random))))
            .Concat([2_500_000, 3_100_000, 4_000_000])
            .Select(v => Math.Max(1, v))
            .ToArray();

        var stats = LatencyStats.From(Record(micros));

        var sorted = micros.Order().ToArray();
        Assert.Equal(sorted.Length, stats.Count);
        AssertClose(sorted[0], stats.Min);
        AssertClose(sorted[^1], stats.Max);
        AssertClose(NearestRank(sorted, 50), stats.P50);
        AssertClose(NearestRank(sorted, 75), stats.P75);
        AssertClose(NearestRank(sorted, 90), stats.P90);
        AssertClose(NearestRank(sorted, 95), stats.P95);
        AssertClose(NearestRank(sorted, 99), stats.P99);
        AssertClose(NearestRank(sorted, 99.9), stats.P999);
        var mean = sorted.Average(v => (double)v);
        var stdDev = Math.Sqrt(sorted.Sum(v => (v - mean) * (v - mean)) / sorted.Length);
        AssertClose(mean, stats.Mean);
        AssertClose(stdDev, stats.StdDev, relative: 0.005); // the histogram squares bucket midpoints
    }

    [Fact]
    public void From_OneToOneHundredMilliseconds_GivesTheTextbookFigures()
    {
        var stats = LatencyStats.From(Record([.. Enumerable.Range(1, 100).Select(ms => ms * 1000L)]));

        AssertClose(1_000, stats.Min);
        AssertClose(50_000, stats.P50);
        AssertClose(90_000, stats.P90);
        AssertClose(99_000, stats.P99);
        AssertClose(100_000, stats.Max);
        AssertClose(50_500, stats.Mean);
        AssertClose(1000 * Math.Sqrt((100.0 * 100 - 1) / 12), stats.StdDev, relative: 0.005); // population σ of 1..n
    }

    [Fact]
    public void From_NothingRecorded_IsEmpty_AndPercentileIsZero()
    {
        var empty = LatencyHistograms.Create();

        Assert.Same(LatencyStats.Empty, LatencyStats.From(empty));
        Assert.Equal(0, LatencyStats.Percentile(empty, 99));
    }

    [Fact]
    public void Percentile_ReadsTheSameValueAsTheSummary()
    {
        var histogram = Record([.. Enumerable.Range(1, 1000).Select(v => (long)v * 37)]);

        Assert.Equal(LatencyStats.From(histogram).P95, LatencyStats.Percentile(histogram, 95));
    }

    private static HdrHistogram.LongHistogram Record(IEnumerable<long> micros)
    {
        var histogram = LatencyHistograms.Create();
        foreach (var value in micros)
        {
            histogram.RecordValue(value);
        }

        return histogram;
    }

    // The smallest value with at least p% of all values at or below it.
    private static long NearestRank(long[] sorted, double percentile) =>
        sorted[Math.Max(0, (int)Math.Ceiling(percentile / 100 * sorted.Length) - 1)];

    private static void AssertClose(double expectedMicros, double actualMillis, double relative = 2 * Resolution)
    {
        var expected = expectedMicros / 1000;
        var tolerance = (expected * relative) + 0.001;
        Assert.True(Math.Abs(actualMillis - expected) <= tolerance, $"expected {expected} ms ± {tolerance}, got {actualMillis} ms");
    }

    // Box-Muller: a standard normal deviate from two uniform ones.
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
