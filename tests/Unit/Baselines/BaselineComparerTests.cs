using PerfTesting.Baselines;

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
    public void Compare_TwentyPercentSlower_IsRegressedOnEveryPercentile()
    {
        // Every percentile 20% slower: beyond each default tolerance only with tails as tight as the median's.
        var options = new ComparisonOptions { TailTolerance = 0.1, ExtremeTailTolerance = 0.1 };
        var comparison = BaselineComparer.Compare(SyntheticRuns.Snapshot(medianMs: 5), SyntheticRuns.Snapshot(medianMs: 6, seed: 2), options);

        Assert.Equal(Verdict.Regressed, comparison.Overall);
        Assert.All(comparison.Metrics.Where(m => m.Metric is BaselineMetric.P50 or BaselineMetric.P95 or BaselineMetric.P99), m =>
        {
            Assert.Equal(Verdict.Regressed, m.Verdict);
            Assert.InRange(m.Change, 0.15, 0.25);
            Assert.True(m.PValue < 0.0001);
        });
    }

    [Fact]
    public void Compare_TwentyPercentSlower_WithDefaultTolerances_IsRegressedOnTheMedian_AndTailsWithinTolerance()
    {
        var comparison = BaselineComparer.Compare(SyntheticRuns.Snapshot(medianMs: 5), SyntheticRuns.Snapshot(medianMs: 6, seed: 2));

        Assert.Equal(Verdict.Regressed, comparison.Overall);
        Assert.Equal(Verdict.Regressed, comparison.Metrics.Single(m => m.Metric == BaselineMetric.P50).Verdict);
        Assert.Equal(Verdict.Same, comparison.Metrics.Single(m => m.Metric == BaselineMetric.P99).Verdict);
    }

    [Fact]
    public void Compare_TwentyPercentFaster_IsImproved()
    {
        var comparison = BaselineComparer.Compare(SyntheticRuns.Snapshot(medianMs: 5), SyntheticRuns.Snapshot(medianMs: 4, seed: 2));

        Assert.Equal(Verdict.Improved, comparison.Overall);
        Assert.Equal(Verdict.Improved, comparison.Metrics.Single(m => m.Metric == BaselineMetric.P50).Verdict);
    }

    [Fact]
    public void Compare_SignificantButWithinTolerance_IsSame()
    {
        // 4% slower over 20,000 requests is statistically clear, but below the 10% tolerance.
        var comparison = BaselineComparer.Compare(SyntheticRuns.Snapshot(medianMs: 5), SyntheticRuns.Snapshot(medianMs: 5.2, seed: 2));

        var p50 = comparison.Metrics.Single(m => m.Metric == BaselineMetric.P50);
        Assert.True(p50.PValue < 0.01);
        Assert.Equal(Verdict.Same, p50.Verdict);
    }

    [Fact]
    public void Compare_BeyondToleranceButTooFewRequests_IsSame()
    {
        var comparison = BaselineComparer.Compare(
            SyntheticRuns.Snapshot(medianMs: 5, requests: 12),
            SyntheticRuns.Snapshot(medianMs: 6.5, requests: 12, seed: 2));

        var p50 = comparison.Metrics.Single(m => m.Metric == BaselineMetric.P50);
        Assert.True(p50.Change > 0.10);
        Assert.Equal(Verdict.Same, p50.Verdict);
    }

    [Fact]
    public void Compare_TailOnlyRegression_FlagsP99AndNotTheMedian()
    {
        var comparison = BaselineComparer.Compare(SyntheticRuns.Snapshot(seed: 1), SyntheticRuns.Snapshot(seed: 2, tailFactor: 3));

        Assert.Equal(Verdict.Same, comparison.Metrics.Single(m => m.Metric == BaselineMetric.P50).Verdict);
        Assert.Equal(Verdict.Regressed, comparison.Metrics.Single(m => m.Metric == BaselineMetric.P99).Verdict);
    }

    [Fact]
    public void Compare_ThroughputDropsByAFifth_IsRegressed()
    {
        var comparison = BaselineComparer.Compare(SyntheticRuns.Snapshot(throughput: 1000), SyntheticRuns.Snapshot(throughput: 800, seed: 2));

        var throughput = comparison.Metrics.Single(m => m.Metric == BaselineMetric.Throughput);
        Assert.Equal(Verdict.Regressed, throughput.Verdict);
        Assert.Equal(-0.2, throughput.Change, 1e-9);
    }

    [Fact]
    public void Compare_ErrorRateRisesByFivePoints_IsRegressed()
    {
        var comparison = BaselineComparer.Compare(SyntheticRuns.Snapshot(failures: 0), SyntheticRuns.Snapshot(failures: 1000, seed: 2));

        var errors = comparison.Metrics.Single(m => m.Metric == BaselineMetric.ErrorRate);
        Assert.Equal(Verdict.Regressed, errors.Verdict);
        Assert.Equal(0.05, errors.Change, 1e-9);
    }

    [Fact]
    public void Compare_OtherMachine_IsNotComparable()
    {
        var elsewhere = SyntheticRuns.Here with { CpuModel = "Other CPU", Cores = 8 };

        var comparison = BaselineComparer.Compare(SyntheticRuns.Snapshot(environment: elsewhere), SyntheticRuns.Snapshot(medianMs: 10));

        Assert.False(comparison.Comparable);
        Assert.Empty(comparison.Metrics);
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
    public void Options_TailTolerances_ApplyToP95AndP99()
    {
        var options = new ComparisonOptions { RelativeTolerance = 0.1, TailTolerance = 0.3, ExtremeTailTolerance = 0.6 };

        Assert.Equal(0.6, options.ToleranceFor(BaselineMetric.P99));
        Assert.Equal(0.3, options.ToleranceFor(BaselineMetric.P95));
        Assert.Equal(0.1, options.ToleranceFor(BaselineMetric.P50));
        Assert.Equal(0.01, options.ToleranceFor(BaselineMetric.ErrorRate));
    }
}
