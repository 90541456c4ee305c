using HdrHistogram;
using PerfTesting.Baselines.Statistics;
using PerfTesting.Measurement;

namespace PerfTesting.Baselines;

/// <summary>
/// Compares a run with its baseline. Each metric's verdict needs both a change beyond its tolerance
/// and statistical significance, tested on the recorded distributions rather than on one number:
/// <list type="bullet">
/// <item>latency percentiles: an exceedance test. Of the baseline's requests, a share 1-p lies above
/// the baseline's p-th percentile by definition; if the current run has a significantly different share
/// above that same value (pooled two-proportion z-test), the percentile moved. Unlike a rank test on
/// the whole distribution it is sensitive where the percentile is, so a tail-only regression of p99 is
/// caught while the median stays put.</item>
/// <item>throughput: Mann-Whitney U on the per-second throughput samples of both runs.</item>
/// <item>error rate: two-proportion z-test on failed/total requests.</item>
/// </list>
/// Requests within one run are not independent (they share the machine's state), so p-values from
/// per-request tests are optimistic; the tolerance is what guards against run-to-run drift, which is
/// why both are required.
/// </summary>
public static class BaselineComparer
{
    private const double MicrosecondsPerMillisecond = 1000;

    /// <summary>Compares <paramref name="current"/> with <paramref name="baseline"/>.</summary>
    /// <param name="baseline">The committed baseline.</param>
    /// <param name="current">This run.</param>
    /// <param name="options">Tolerances and significance; <see cref="ComparisonOptions.Default"/> when null.</param>
    /// <returns>The comparison.</returns>
    public static BaselineComparison Compare(BaselineSnapshot baseline, BaselineSnapshot current, ComparisonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        options = (options ?? ComparisonOptions.Default).Validate();

        var difference = current.Environment.DifferenceFrom(baseline.Environment);
        if (difference is not null && !options.AllowDifferentEnvironment)
        {
            return new BaselineComparison(current.Name, false, $"baseline measured elsewhere: {difference}", []);
        }

        var baselineLatency = HistogramCodec.Decode(baseline.LatencyHistogram);
        var currentLatency = HistogramCodec.Decode(current.LatencyHistogram);
        var metrics = new List<MetricComparison>();
        if (baselineLatency.TotalCount > 0 && currentLatency.TotalCount > 0)
        {
            var baselineSeconds = Seconds(baseline);
            var currentSeconds = Seconds(current);
            metrics.Add(ComparePercentile(BaselineMetric.P50, 50, baselineLatency, currentLatency, baselineSeconds, currentSeconds, options));
            metrics.Add(ComparePercentile(BaselineMetric.P95, 95, baselineLatency, currentLatency, baselineSeconds, currentSeconds, options));
            metrics.Add(ComparePercentile(BaselineMetric.P99, 99, baselineLatency, currentLatency, baselineSeconds, currentSeconds, options));
        }

        metrics.Add(CompareThroughput(baseline, current, options));
        metrics.Add(CompareErrorRate(baseline.Summary, current.Summary, options));
        return new BaselineComparison(current.Name, true, difference is null ? null : $"compared across environments: {difference}", metrics);
    }

    private static MetricComparison ComparePercentile(
        BaselineMetric metric, double percentile, HistogramBase baseline, HistogramBase current,
        IReadOnlyList<HistogramBase> baselineSeconds, IReadOnlyList<HistogramBase> currentSeconds, ComparisonOptions options)
    {
        var baselineValue = baseline.GetValueAtPercentile(percentile);
        var currentValue = current.GetValueAtPercentile(percentile);
        var threshold = baseline.HighestEquivalentValue(baselineValue);
        // Seconds as clusters when both runs kept them (and they add up to the whole); else one block each.
        IReadOnlyList<(long, long)> Blocks(HistogramBase whole, IReadOnlyList<HistogramBase> seconds) =>
            seconds.Count > 0 && seconds.Sum(s => s.TotalCount) == whole.TotalCount
                ? [.. seconds.Select(s => (CountAbove(s, threshold), s.TotalCount))]
                : [(CountAbove(whole, threshold), whole.TotalCount)];
        var baselineBlocks = Blocks(baseline, baselineSeconds);
        var currentBlocks = Blocks(current, currentSeconds);
        var (z, p) = ClusteredProportionTest.Compare(baselineBlocks, currentBlocks);
        var test = baselineBlocks.Count > 1 && currentBlocks.Count > 1 ? "exceedance z-test, per-second clusters" : "exceedance z-test";
        var change = Relative(baselineValue, currentValue);
        var tolerance = options.ToleranceFor(metric);
        var significant = p < options.SignificanceLevel;
        var verdict = significant && change > tolerance && z > 0 ? Verdict.Regressed
            : significant && change < -tolerance && z < 0 ? Verdict.Improved
            : Verdict.Same;
        return new MetricComparison(metric, baselineValue / MicrosecondsPerMillisecond, currentValue / MicrosecondsPerMillisecond,
            change, tolerance, p, test, verdict);
    }

    private static MetricComparison CompareThroughput(BaselineSnapshot baseline, BaselineSnapshot current, ComparisonOptions options)
    {
        var change = Relative(baseline.Summary.ThroughputPerSecond, current.Summary.ThroughputPerSecond);
        var tolerance = options.ToleranceFor(BaselineMetric.Throughput);
        if (baseline.ThroughputSeries.Count == 0 || current.ThroughputSeries.Count == 0)
        {
            return new MetricComparison(BaselineMetric.Throughput, baseline.Summary.ThroughputPerSecond, current.Summary.ThroughputPerSecond,
                change, tolerance, 1, "no per-second series", Verdict.Same);
        }

        var test = MannWhitneyUTest.Compare(
            baseline.ThroughputSeries.Select(v => new WeightedValue(v, 1)),
            current.ThroughputSeries.Select(v => new WeightedValue(v, 1)));
        var significant = test.PValue < options.SignificanceLevel;
        var verdict = significant && change < -tolerance && test.ProbabilityCurrentGreater < 0.5 ? Verdict.Regressed
            : significant && change > tolerance && test.ProbabilityCurrentGreater > 0.5 ? Verdict.Improved
            : Verdict.Same;
        return new MetricComparison(BaselineMetric.Throughput, baseline.Summary.ThroughputPerSecond, current.Summary.ThroughputPerSecond,
            change, tolerance, test.PValue, "Mann-Whitney U (per second)", verdict);
    }

    private static MetricComparison CompareErrorRate(BaselineSummary baseline, BaselineSummary current, ComparisonOptions options)
    {
        var change = current.ErrorRate - baseline.ErrorRate;
        var tolerance = options.ToleranceFor(BaselineMetric.ErrorRate);
        var (z, p) = baseline.Requests > 0 && current.Requests > 0
            ? TwoProportionTest.Compare(baseline.Failures, baseline.Requests, current.Failures, current.Requests)
            : (0, 1);
        var significant = p < options.SignificanceLevel;
        var verdict = significant && change > tolerance && z > 0 ? Verdict.Regressed
            : significant && change < -tolerance && z < 0 ? Verdict.Improved
            : Verdict.Same;
        return new MetricComparison(BaselineMetric.ErrorRate, baseline.ErrorRate, current.ErrorRate, change, tolerance, p, "two-proportion z-test", verdict);
    }

    private static List<HistogramBase> Seconds(BaselineSnapshot snapshot) =>
        snapshot.SecondHistograms is { Count: > 0 } seconds ? [.. seconds.Select(HistogramCodec.Decode)] : [];

    private static long CountAbove(HistogramBase histogram, long threshold) =>
        histogram.RecordedValues().Where(v => v.ValueIteratedTo > threshold).Sum(v => v.CountAtValueIteratedTo);

    private static double Relative(double baseline, double current) =>
        baseline == 0 ? (current == 0 ? 0 : double.PositiveInfinity) : (current - baseline) / baseline;
}
