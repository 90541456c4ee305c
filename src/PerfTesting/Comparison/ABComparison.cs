
namespace PerfTesting.Comparison;

/// <summary>The result of an A/B comparison: every round's figures, each metric's verdict, and the seed that ordered the rounds.</summary>
/// <param name="Name">What was compared.</param>
/// <param name="Seed">Seed of the order shuffle (replay with <see cref="ABOptions.Seed"/>).</param>
/// <param name="Options">The options it ran with.</param>
/// <param name="Rounds">Every round, in order.</param>
/// <param name="Metrics">One row per metric.</param>
/// <param name="Elapsed">Wall-clock time of the whole comparison, priming included.</param>
public sealed record ABComparison(
    string Name,
    int Seed,
    ABOptions Options,
    IReadOnlyList<ABRound> Rounds,
    IReadOnlyList<ABMetricComparison> Metrics,
    TimeSpan Elapsed)
{
    /// <summary>Regressed when any metric regressed; else Improved when any improved; else Inconclusive when any is; else Same.</summary>
    public Verdict Overall =>
        Metrics.Any(m => m.Verdict == Verdict.Regressed) ? Verdict.Regressed
        : Metrics.Any(m => m.Verdict == Verdict.Improved) ? Verdict.Improved
        : Metrics.Any(m => m.Verdict == Verdict.Inconclusive) ? Verdict.Inconclusive
        : Verdict.Same;

    /// <summary>The row of <paramref name="metric"/>.</summary>
    /// <param name="metric">The metric.</param>
    public ABMetricComparison Metric(ABMetric metric) => Metrics.First(m => m.Metric == metric);
}
