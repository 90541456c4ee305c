using PerfTesting.Metrics;

namespace PerfTesting.Comparison;

/// <summary>The result of an A/B comparison: every round's figures, each metric's verdict, and the seed that ordered the rounds.</summary>
/// <param name="Name">What was compared.</param>
/// <param name="Seed">Seed of the order shuffle (replay with <see cref="ABOptions.Seed"/>).</param>
/// <param name="Options">The options it ran with.</param>
/// <param name="Rounds">Every round, in order.</param>
/// <param name="Metrics">One row per metric.</param>
/// <param name="Elapsed">Wall-clock time of the whole comparison, priming included.</param>
/// <param name="Looks">How an adaptive comparison looked at its rounds (<see cref="Sequential.ABAdaptiveRunner"/>); null for a fixed number of rounds.</param>
public sealed record ABComparison(
    string Name,
    int Seed,
    ABOptions Options,
    IReadOnlyList<ABRound> Rounds,
    IReadOnlyList<ABMetricComparison> Metrics,
    TimeSpan Elapsed,
    Sequential.ABLooks? Looks = null)
{
    /// <summary>
    /// Over the gated metrics (all of them without <see cref="Looks"/>): Regressed when any regressed; else
    /// Improved when any improved; else Inconclusive when any is; else Same.
    /// </summary>
    public Verdict Overall
    {
        get
        {
            var gated = Looks is null ? Metrics : [.. Metrics.Where(m => Looks.GatedMetrics.Contains(m.Metric))];
            return gated.Any(m => m.Verdict == Verdict.Regressed) ? Verdict.Regressed
                : gated.Any(m => m.Verdict == Verdict.Improved) ? Verdict.Improved
                : gated.Any(m => m.Verdict == Verdict.Inconclusive) ? Verdict.Inconclusive
                : Verdict.Same;
        }
    }

    /// <summary>The row of <paramref name="metric"/>.</summary>
    /// <param name="metric">The metric.</param>
    public ABMetricComparison Metric(PerfMetric metric) => Metrics.First(m => m.Metric == metric);
}
