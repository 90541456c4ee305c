using PerfTesting.Assertions;
using PerfTesting.Measurement;

namespace Tests.Unit.Assertions;

/// <summary>The one error-rate definition and the one SLA comparison, on runs built from given figures.</summary>
public sealed class SlaRuleTests
{
    [Theory]
    [InlineData(0, 0, 0.0)]
    [InlineData(0, 10, 0.0)]
    [InlineData(1, 100, 0.01)]
    [InlineData(5, 5, 1.0)]
    public void ErrorRateOf_FailedOverCompleted_ZeroWhenNothingCompleted(long failed, long completed, double expected)
    {
        Assert.Equal(expected, RunTotals.ErrorRateOf(failed, completed), 12);
    }

    [Fact]
    public void ErrorRate_IsTheSameRuleOnRunsScenariosAndTotals()
    {
        var totals = new RunTotals(Started: 12, Succeeded: 9, Failed: 1, Cancelled: 2, Dropped: 3, Bytes: 0);

        Assert.Equal(0.1, totals.ErrorRate, 12);
        Assert.Equal(0.0, new RunTotals(0, 0, 0, 0, 5, 0).ErrorRate);
        Assert.Equal(0.1, TestRuns.Result(succeeded: 9, failed: 1).ErrorRate, 12);
    }

    [Theory]
    [InlineData(SlaMetric.LatencyPercentile, 100, 99.9, true)]
    [InlineData(SlaMetric.LatencyPercentile, 100, 100, false)]
    [InlineData(SlaMetric.ErrorRate, 0.01, 0.01, false)]
    [InlineData(SlaMetric.ErrorRate, 0.01, 0.0099, true)]
    [InlineData(SlaMetric.ErrorRate, 0, 0, true)]
    [InlineData(SlaMetric.ErrorRate, 0, 0.0001, false)]
    [InlineData(SlaMetric.DroppedRate, 0, 0, true)]
    [InlineData(SlaMetric.Throughput, 100, 100, false)]
    [InlineData(SlaMetric.Throughput, 100, 100.1, true)]
    [InlineData(SlaMetric.ErrorRate, 0.5, double.NaN, false)]
    public void IsMetBy_StrictBoundsAndZeroMeansNone(SlaMetric metric, double limit, double actual, bool met)
    {
        var requirement = new SlaRequirement(metric, limit, metric == SlaMetric.LatencyPercentile ? 99 : null, null);

        Assert.Equal(met, requirement.IsMetBy(actual));
    }

    [Fact]
    public void Evaluate_ErrorRateExactlyAtTheLimit_Fails()
    {
        var report = SlaEvaluator.Evaluate(TestRuns.Result(succeeded: 99, failed: 1), Sla.Define().ErrorRate(below: 0.01).Build());

        var line = Assert.Single(report.Lines);
        Assert.False(line.Passed);
        Assert.Equal("1%", line.ActualText);
    }

    [Fact]
    public void Evaluate_ErrorRateBroken_ListsTheErrorsByKindMostFrequentFirst()
    {
        var run = TestRuns.Result(succeeded: 90, failed: 10) with
        {
            ErrorsByKind = new Dictionary<string, long> { ["timeout"] = 3, ["status 500"] = 7 },
        };

        var report = SlaEvaluator.Evaluate(run, Sla.Define().ErrorRate(below: 0.01).Build());

        Assert.Equal("10% (status 500: 7, timeout: 3)", Assert.Single(report.Lines).ActualText);
        Assert.Contains("10% (status 500: 7, timeout: 3)", report.ToTable(), StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorKinds_ManyKinds_ShowsTheFourMostFrequent()
    {
        var kinds = Enumerable.Range(1, 6).ToDictionary(i => $"status {500 + i}", i => (long)i);

        Assert.Equal(" (status 506: 6, status 505: 5, status 504: 4, status 503: 3, 2 more kinds)", SlaEvaluator.ErrorKinds(kinds));
        Assert.Equal(string.Empty, SlaEvaluator.ErrorKinds(new Dictionary<string, long>()));
    }

    [Fact]
    public void Evaluate_NothingCompleted_FailsErrorRateAndLatencyAndSaysWhy()
    {
        var report = SlaEvaluator.Evaluate(
            TestRuns.Result(succeeded: 0, failed: 0),
            Sla.Define().ErrorRate(below: 0.5).LatencyPercentile(99, below: TimeSpan.FromSeconds(1)).Build());

        Assert.All(report.Lines, l => Assert.False(l.Passed));
        Assert.All(report.Lines, l => Assert.Equal("no requests completed", l.ActualText));
        Assert.All(report.Lines, l => Assert.True(double.IsNaN(l.Actual)));
    }

    [Fact]
    public void Evaluate_ZeroErrorLimit_IsMetByARunWithoutErrors()
    {
        var sla = Sla.Define().ErrorRate(below: 0).DroppedRate(below: 0).Build();

        Assert.True(SlaEvaluator.Evaluate(TestRuns.Result(succeeded: 10, failed: 0), sla).Passed);
        Assert.False(SlaEvaluator.Evaluate(TestRuns.Result(succeeded: 10, failed: 1), sla).Passed);
    }
}
