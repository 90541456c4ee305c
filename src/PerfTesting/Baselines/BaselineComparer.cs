using System.Globalization;
using HdrHistogram;
using PerfTesting.Baselines.Statistics;
using PerfTesting.Comparison;
using PerfTesting.Measurement;
using PerfTesting.Metrics;

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
/// Every metric then follows one rule (<see cref="ChangeDecision.DecideFromTest"/>), the same tolerance
/// for every percentile: a metric whose test cannot resolve anything (fewer than
/// <see cref="ComparisonOptions.MinimumClusters"/> per-second clusters, too few requests beyond a
/// percentile, rank samples too few to reach the significance level) reads Inconclusive with that
/// reason instead of a verdict. A baseline from another environment is compared too, but without a
/// verdict (<see cref="BaselineComparison.Comparable"/> false); <see cref="BaselineCheck"/> fails such a
/// check unless <see cref="ComparisonOptions.InformationalAcrossEnvironments"/> is set.
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

        var baselineLatency = HistogramCodec.Decode(baseline.LatencyHistogram);
        var currentLatency = HistogramCodec.Decode(current.LatencyHistogram);
        var metrics = new List<MetricComparison>();
        if (baselineLatency.TotalCount > 0 && currentLatency.TotalCount > 0)
        {
            var baselineSeconds = Seconds(baseline);
            var currentSeconds = Seconds(current);
            metrics.Add(ComparePercentile(PerfMetric.P50, 50, baselineLatency, currentLatency, baselineSeconds, currentSeconds, options));
            metrics.Add(ComparePercentile(PerfMetric.P95, 95, baselineLatency, currentLatency, baselineSeconds, currentSeconds, options));
            metrics.Add(ComparePercentile(PerfMetric.P99, 99, baselineLatency, currentLatency, baselineSeconds, currentSeconds, options));
        }

        metrics.Add(CompareThroughput(baseline, current, options));
        metrics.Add(CompareErrorRate(baseline.Summary, current.Summary, options));
        return difference is null ? new BaselineComparison(current.Name, true, null, metrics)
            : options.AllowDifferentEnvironment ? new BaselineComparison(current.Name, true, $"compared across environments: {difference}", metrics)
            : new BaselineComparison(current.Name, false, $"baseline measured elsewhere: {difference}; the figures are informational", metrics);
    }

    private static MetricComparison ComparePercentile(
        PerfMetric metric, double percentile, HistogramBase baseline, HistogramBase current,
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
        const string test = "exceedance z-test, per-second clusters";
        var change = Relative(baselineValue, currentValue);
        var tolerance = options.ToleranceFor(metric);
        var row = new MetricComparison(metric, baselineValue / MicrosecondsPerMillisecond, currentValue / MicrosecondsPerMillisecond,
            change, tolerance, double.NaN, test, Verdict.Inconclusive);
        var needed = (long)Math.Ceiling(options.MinimumTailRequests * 100 / (100 - percentile));
        if (Math.Min(baseline.TotalCount, current.TotalCount) < needed)
        {
            return row with { Reason = Invariant($"runs of {baseline.TotalCount} and {current.TotalCount} requests: p{percentile:0} needs {needed} for {options.MinimumTailRequests} requests beyond it") };
        }

        if (baselineSeconds.Count == 0 || currentSeconds.Count == 0)
        {
            // A per-request test would count one stall hundreds of times (requests of one moment are not independent).
            return row with { Reason = $"the {(baselineSeconds.Count == 0 ? "baseline" : "current run")} has no per-second histograms to use as clusters (accept a new baseline)" };
        }

        var (baselineClusters, currentClusters) = (baselineBlocks.Count(b => b.Item2 > 0), currentBlocks.Count(b => b.Item2 > 0));
        if (Math.Min(baselineClusters, currentClusters) < options.MinimumClusters)
        {
            return row with { Reason = Invariant($"{baselineClusters} and {currentClusters} per-second clusters: at least {options.MinimumClusters} are needed to test anything") };
        }

        var (z, p) = ClusteredProportionTest.Compare(baselineBlocks, currentBlocks);
        var (verdict, reason) = ChangeDecision.DecideFromTest(MetricDirection.HigherIsWorse, change, p, z, tolerance, options.SignificanceLevel);
        return row with { PValue = p, Verdict = verdict, Reason = reason };
    }

    private static MetricComparison CompareThroughput(BaselineSnapshot baseline, BaselineSnapshot current, ComparisonOptions options)
    {
        var change = Relative(baseline.Summary.ThroughputPerSecond, current.Summary.ThroughputPerSecond);
        var tolerance = options.ToleranceFor(PerfMetric.Throughput);
        if (baseline.ThroughputSeries.Count == 0 || current.ThroughputSeries.Count == 0)
        {
            return new MetricComparison(PerfMetric.Throughput, baseline.Summary.ThroughputPerSecond, current.Summary.ThroughputPerSecond,
                change, tolerance, double.NaN, "no per-second series", Verdict.Inconclusive, "no per-second throughput series to test");
        }

        var row = new MetricComparison(PerfMetric.Throughput, baseline.Summary.ThroughputPerSecond, current.Summary.ThroughputPerSecond,
            change, tolerance, double.NaN, "Mann-Whitney U (per second)", Verdict.Inconclusive);
        var (n1, n2) = (baseline.ThroughputSeries.Count, current.ThroughputSeries.Count);
        var smallestP = SmallestRankTestPValue(n1, n2);
        if (smallestP >= options.SignificanceLevel)
        {
            return row with { Reason = Invariant($"{n1} and {n2} per-second samples: a rank test cannot reach p < {options.SignificanceLevel} with so few (smallest possible p = {smallestP:0.####})") };
        }

        var test = MannWhitneyUTest.Compare(
            baseline.ThroughputSeries.Select(v => new WeightedValue(v, 1)),
            current.ThroughputSeries.Select(v => new WeightedValue(v, 1)));
        var (verdict, reason) = ChangeDecision.DecideFromTest(MetricDirection.LowerIsWorse, change, test.PValue, test.ProbabilityCurrentGreater - 0.5, tolerance, options.SignificanceLevel);
        return row with { PValue = test.PValue, Verdict = verdict, Reason = reason };
    }

    private static MetricComparison CompareErrorRate(BaselineSummary baseline, BaselineSummary current, ComparisonOptions options)
    {
        var change = current.ErrorRate - baseline.ErrorRate;
        var tolerance = options.ToleranceFor(PerfMetric.ErrorRate);
        var (z, p) = baseline.Requests > 0 && current.Requests > 0
            ? TwoProportionTest.Compare(baseline.Failures, baseline.Requests, current.Failures, current.Requests)
            : (0, 1);
        var (verdict, reason) = ChangeDecision.DecideFromTest(MetricDirection.HigherIsWorse, change, p, z, tolerance, options.SignificanceLevel);
        return new MetricComparison(PerfMetric.ErrorRate, baseline.ErrorRate, current.ErrorRate, change, tolerance, p, "two-proportion z-test", verdict, reason);
    }

    private static List<HistogramBase> Seconds(BaselineSnapshot snapshot) =>
        snapshot.SecondHistograms is { Count: > 0 } seconds ? [.. seconds.Select(HistogramCodec.Decode)] : [];

    private static long CountAbove(HistogramBase histogram, long threshold) =>
        histogram.RecordedValues().Where(v => v.ValueIteratedTo > threshold).Sum(v => v.CountAtValueIteratedTo);

    /// <summary>The smallest two-sided p-value a rank test of n1 against n2 untied samples can give: 2 / C(n1 + n2, n1).</summary>
    private static double SmallestRankTestPValue(int n1, int n2)
    {
        if (n1 == 0 || n2 == 0)
        {
            return 1;
        }

        var combinations = 1.0;
        for (var i = 1; i <= Math.Min(n1, n2); i++)
        {
            combinations = combinations * (n1 + n2 - Math.Min(n1, n2) + i) / i;
        }

        return Math.Min(1, 2 / combinations);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static double Relative(double baseline, double current) =>
        baseline == 0 ? (current == 0 ? 0 : double.PositiveInfinity) : (current - baseline) / baseline;
}
