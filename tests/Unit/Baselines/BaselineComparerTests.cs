using PerfTesting.Comparison;
using PerfTesting.Baselines;
using PerfTesting.Metrics;

namespace Tests.Unit.Baselines;

public sealed class BaselineComparerTests
{
    [Fact]
    public void Compare_SameWorkloadDifferentNoise_IsSameOnEveryMetric()
    {
        var comparison = BaselineComparer.Compare(SyntheticRuns.Snapshot(seed: 1), SyntheticRuns.Snapshot(seed: 2));

        Assert.True(comparison.Comparable);
        Assert.All(comparison.Metrics, m => Assert.Equal(Verdict.Same, m.Verdict));
        Assert.Equal(Verdict.Same, comparison.Overall);
    }

    [Fact]
    public void Compare_TwentyPercentSlower_IsRegressedOnEveryPercentile_OneRuleForAll()
    {
        // Every percentile 20% slower, default tolerance 15% for every percentile: the same verdict for each.
        var comparison = BaselineComparer.Compare(SyntheticRuns.Snapshot(medianMs: 5), SyntheticRuns.Snapshot(medianMs: 6, seed: 2));

        Assert.Equal(Verdict.Regressed, comparison.Overall);
        Assert.All(comparison.Metrics.Where(m => m.Metric is PerfMetric.P50 or PerfMetric.P95 or PerfMetric.P99), m =>
        {
            Assert.Equal(Verdict.Regressed, m.Verdict);
            Assert.Equal(0.15, m.Tolerance);
            Assert.InRange(m.Change, 0.15, 0.25);
            Assert.True(m.PValue < 0.0001);
        });
    }

    [Fact]
    public void Compare_OneOrTwoSecondsPerRun_EveryMetricInconclusiveWithTheReason()
    {
        // The compared runs: 100 clients x 1 download, over in two seconds. Before, p50 read
        // Improved (p=0) while p95 read Same (p=1) and throughput +182% Same; now none of them guesses.
        var comparison = BaselineComparer.Compare(
            SyntheticRuns.Snapshot(medianMs: 5, seconds: 2, requests: 100),
            SyntheticRuns.Snapshot(medianMs: 2, seconds: 2, requests: 100, throughput: 2800, seed: 2));

        Assert.All(comparison.Metrics.Where(m => m.Metric != PerfMetric.ErrorRate), m => Assert.Equal(Verdict.Inconclusive, m.Verdict));
        Assert.Contains("2 and 2 per-second clusters", comparison.Metrics.Single(m => m.Metric == PerfMetric.P50).Reason, StringComparison.Ordinal);
        Assert.Contains("requests", comparison.Metrics.Single(m => m.Metric == PerfMetric.P99).Reason, StringComparison.Ordinal);
        // Two against two per-second rates: the smallest p-value a rank test can give is 2 / C(4, 2) = 0.333.
        Assert.Contains("smallest possible p = 0.3333", comparison.Metrics.Single(m => m.Metric == PerfMetric.Throughput).Reason, StringComparison.Ordinal);
        Assert.Equal(Verdict.Inconclusive, comparison.Overall);
    }

    [Fact]
    public void Compare_BaselineWithoutPerSecondHistograms_PercentilesInconclusive()
    {
        var comparison = BaselineComparer.Compare(SyntheticRuns.Snapshot(perSecondHistograms: false), SyntheticRuns.Snapshot(medianMs: 6, seed: 2));

        var p50 = comparison.Metrics.Single(m => m.Metric == PerfMetric.P50);
        Assert.Equal(Verdict.Inconclusive, p50.Verdict);
        Assert.Contains("no per-second histograms", p50.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_TwentyPercentFaster_IsImproved()
    {
        var comparison = BaselineComparer.Compare(SyntheticRuns.Snapshot(medianMs: 5), SyntheticRuns.Snapshot(medianMs: 4, seed: 2));

        Assert.Equal(Verdict.Improved, comparison.Overall);
        Assert.Equal(Verdict.Improved, comparison.Metrics.Single(m => m.Metric == PerfMetric.P50).Verdict);
    }

    [Fact]
    public void Compare_SignificantButWithinTolerance_IsSame()
    {
        // 4% slower over 20,000 requests is statistically clear, but below the 10% tolerance.
        var comparison = BaselineComparer.Compare(SyntheticRuns.Snapshot(medianMs: 5), SyntheticRuns.Snapshot(medianMs: 5.2, seed: 2));

        var p50 = comparison.Metrics.Single(m => m.Metric == PerfMetric.P50);
        Assert.True(p50.PValue < 0.01);
        Assert.Equal(Verdict.Same, p50.Verdict);
    }

    [Fact]
    public void Compare_BeyondToleranceButTooFewRequests_IsInconclusiveNotSame()
    {
        var comparison = BaselineComparer.Compare(
            SyntheticRuns.Snapshot(medianMs: 5, requests: 12),
            SyntheticRuns.Snapshot(medianMs: 6.5, requests: 12, seed: 2));

        var p50 = comparison.Metrics.Single(m => m.Metric == PerfMetric.P50);
        Assert.True(p50.Change > 0.15);
        Assert.Equal(Verdict.Inconclusive, p50.Verdict);
        Assert.Contains("not significant", p50.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_TailOnlyRegression_FlagsP99AndNotTheMedian()
    {
        var comparison = BaselineComparer.Compare(SyntheticRuns.Snapshot(seed: 1), SyntheticRuns.Snapshot(seed: 2, tailFactor: 3));

        Assert.Equal(Verdict.Same, comparison.Metrics.Single(m => m.Metric == PerfMetric.P50).Verdict);
        Assert.Equal(Verdict.Regressed, comparison.Metrics.Single(m => m.Metric == PerfMetric.P99).Verdict);
    }

    [Fact]
    public void Compare_ThroughputDropsByAFifth_IsRegressed()
    {
        var comparison = BaselineComparer.Compare(SyntheticRuns.Snapshot(throughput: 1000), SyntheticRuns.Snapshot(throughput: 800, seed: 2));

        var throughput = comparison.Metrics.Single(m => m.Metric == PerfMetric.Throughput);
        Assert.Equal(Verdict.Regressed, throughput.Verdict);
        Assert.Equal(-0.2, throughput.Change, 1e-9);
    }

    [Fact]
    public void Compare_ErrorRateRisesByFivePoints_IsRegressed()
    {
        var comparison = BaselineComparer.Compare(SyntheticRuns.Snapshot(failures: 0), SyntheticRuns.Snapshot(failures: 1000, seed: 2));

        var errors = comparison.Metrics.Single(m => m.Metric == PerfMetric.ErrorRate);
        Assert.Equal(Verdict.Regressed, errors.Verdict);
        Assert.Equal(0.05, errors.Change, 1e-9);
    }

    [Fact]
    public void Compare_OtherMachine_IsInformationalOnly()
    {
        var elsewhere = SyntheticRuns.Here with { CpuModel = "Other CPU", Cores = 8 };

        var comparison = BaselineComparer.Compare(SyntheticRuns.Snapshot(environment: elsewhere), SyntheticRuns.Snapshot(medianMs: 10));

        Assert.False(comparison.Comparable);
        Assert.NotEmpty(comparison.Metrics);
        Assert.Contains("informational", comparison.NotComparableReason, StringComparison.Ordinal);
        Assert.Contains("Other CPU", comparison.NotComparableReason, StringComparison.Ordinal);
        Assert.Contains("8 vs 2 cores", comparison.NotComparableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_OtherMachineWithOptIn_ComparesAndSaysSo()
    {
        var elsewhere = SyntheticRuns.Here with { Runtime = ".NET 9.0.1" };

        var comparison = BaselineComparer.Compare(
            SyntheticRuns.Snapshot(environment: elsewhere), SyntheticRuns.Snapshot(medianMs: 10), new ComparisonOptions { AllowDifferentEnvironment = true });

        Assert.True(comparison.Comparable);
        Assert.Equal(Verdict.Regressed, comparison.Overall);
        Assert.Contains("compared across environments", comparison.NotComparableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_NewCommitSameMachine_IsComparable()
    {
        var comparison = BaselineComparer.Compare(
            SyntheticRuns.Snapshot(environment: SyntheticRuns.Here with { Commit = "old" }),
            SyntheticRuns.Snapshot(environment: SyntheticRuns.Here with { Commit = "new", Os = "Linux 6.2" }));

        Assert.True(comparison.Comparable);
        Assert.Null(comparison.NotComparableReason);
    }

    [Theory]
    [InlineData(-0.1, 0.01)]
    [InlineData(0.1, 0)]
    [InlineData(0.1, 1)]
    public void Options_OutOfRange_FailValidation(double tolerance, double alpha)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ComparisonOptions { RelativeTolerance = tolerance, SignificanceLevel = alpha }.Validate());
    }

    [Fact]
    public void Options_OneToleranceForEveryPercentileAndThroughput()
    {
        var options = new ComparisonOptions { RelativeTolerance = 0.1 };

        Assert.All(new[] { PerfMetric.P50, PerfMetric.P95, PerfMetric.P99, PerfMetric.Throughput }, m => Assert.Equal(0.1, options.ToleranceFor(m)));
        Assert.Equal(0.01, options.ToleranceFor(PerfMetric.ErrorRate));
    }
}
