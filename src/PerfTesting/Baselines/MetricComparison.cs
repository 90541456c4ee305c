using PerfTesting.Comparison;
using PerfTesting.Metrics;

namespace PerfTesting.Baselines;

/// <summary>One row of a baseline comparison.</summary>
/// <param name="Metric">What was compared.</param>
/// <param name="Baseline">The baseline's value (ms, requests/s, or a share for the error rate).</param>
/// <param name="Current">The current run's value, in the same unit.</param>
/// <param name="Change">Relative change (0.2 = +20%); for the error rate, the absolute difference.</param>
/// <param name="Tolerance">The change that had to be exceeded.</param>
/// <param name="PValue">The significance test's two-sided p-value.</param>
/// <param name="Test">Which test produced <paramref name="PValue"/>.</param>
/// <param name="Verdict">Same, Improved, Regressed or Inconclusive.</param>
/// <param name="Reason">Why, in a sentence (for Inconclusive: what the data could not resolve).</param>
public sealed record MetricComparison(
    PerfMetric Metric,
    double Baseline,
    double Current,
    double Change,
    double Tolerance,
    double PValue,
    string Test,
    Verdict Verdict,
    string Reason = "");
