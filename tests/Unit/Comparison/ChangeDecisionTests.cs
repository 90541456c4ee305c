using PerfTesting.Comparison;
using PerfTesting.Metrics;

namespace Tests.Unit.Comparison;

public sealed class ChangeDecisionTests
{
    [Theory]
    // Latency (higher is worse), tolerance 5%.
    [InlineData(MetricDirection.HigherIsWorse, 0.02, 0.08, Verdict.Regressed)]    // above zero, reaches 5%
    [InlineData(MetricDirection.HigherIsWorse, 0.01, 0.03, Verdict.Same)]         // significant but smaller than 5%
    [InlineData(MetricDirection.HigherIsWorse, -0.02, 0.03, Verdict.Same)]        // inside the tolerance
    [InlineData(MetricDirection.HigherIsWorse, -0.02, 0.09, Verdict.Inconclusive)] // not significant, could be 9%
    [InlineData(MetricDirection.HigherIsWorse, -0.09, -0.01, Verdict.Improved)]
    [InlineData(MetricDirection.HigherIsWorse, -0.04, -0.01, Verdict.Same)]
    // Throughput (lower is worse): the same rule mirrored.
    [InlineData(MetricDirection.LowerIsWorse, -0.08, -0.02, Verdict.Regressed)]
    [InlineData(MetricDirection.LowerIsWorse, 0.02, 0.08, Verdict.Improved)]
    [InlineData(MetricDirection.LowerIsWorse, -0.09, 0.02, Verdict.Inconclusive)]
    [InlineData(MetricDirection.LowerIsWorse, -0.03, 0.01, Verdict.Same)]
    public void Decide_AppliesOneRuleInTheMetricsWorseDirection(MetricDirection direction, double lower, double upper, Verdict expected) =>
        Assert.Equal(expected, ChangeDecision.Decide(direction, lower, upper, 0.05).Verdict);

    [Fact]
    public void Decide_NoInterval_IsInconclusive() =>
        Assert.Equal(Verdict.Inconclusive, ChangeDecision.Decide(MetricDirection.HigherIsWorse, double.NaN, double.NaN, 0.05).Verdict);

    [Theory]
    // Stored-baseline form: a point estimate and a test. Tolerance 15%, level 1%.
    [InlineData(MetricDirection.HigherIsWorse, 0.20, 0.001, 1.0, Verdict.Regressed)]
    [InlineData(MetricDirection.HigherIsWorse, 0.05, 0.001, 1.0, Verdict.Same)]         // significant, within tolerance
    [InlineData(MetricDirection.HigherIsWorse, 0.30, 0.20, 1.0, Verdict.Inconclusive)]  // beyond tolerance, not significant
    [InlineData(MetricDirection.HigherIsWorse, 0.05, 0.50, 1.0, Verdict.Same)]
    [InlineData(MetricDirection.HigherIsWorse, -0.20, 0.001, -1.0, Verdict.Improved)]
    [InlineData(MetricDirection.LowerIsWorse, -0.20, 0.001, -1.0, Verdict.Regressed)]   // throughput fell
    [InlineData(MetricDirection.HigherIsWorse, 0.20, 0.001, -1.0, Verdict.Inconclusive)] // test and estimate disagree
    public void DecideFromTest_SameRuleWithoutAnInterval(MetricDirection direction, double change, double p, double sign, Verdict expected) =>
        Assert.Equal(expected, ChangeDecision.DecideFromTest(direction, change, p, sign, 0.15, 0.01).Verdict);
}
