using PerfTesting.Metrics;

namespace PerfTesting.Comparison;

/// <summary>One metric of an A/B comparison.</summary>
/// <param name="Metric">What was compared.</param>
/// <param name="A">Median of A's values over the usable rounds (ms, requests/s, or a share).</param>
/// <param name="B">Median of B's values over the same rounds.</param>
/// <param name="Change">Estimated change from A to B: relative (0.05 = +5%; from the Hodges-Lehmann estimate of log(B/A)), or for the error rate the absolute difference. NaN without a test.</param>
/// <param name="Lower">Lower end of the change's confidence interval.</param>
/// <param name="Upper">Upper end.</param>
/// <param name="PValue">Exact two-sided p-value of the signed-rank test on the per-round differences; NaN without a test.</param>
/// <param name="Tolerance">The smallest change that matters, in <paramref name="Change"/>'s unit.</param>
/// <param name="Resolvable">The smallest change the rounds could resolve: the interval's half-width. NaN without a test.</param>
/// <param name="UsedRounds">Rounds that entered the test.</param>
/// <param name="Verdict">Same, Improved, Regressed or Inconclusive.</param>
/// <param name="Reason">Why, in a sentence.</param>
public sealed record ABMetricComparison(
    PerfMetric Metric,
    double A,
    double B,
    double Change,
    double Lower,
    double Upper,
    double PValue,
    double Tolerance,
    double Resolvable,
    int UsedRounds,
    Verdict Verdict,
    string Reason)
{
    /// <summary>Which way the metric gets worse.</summary>
    public MetricDirection Direction => Metric.Direction();
}
