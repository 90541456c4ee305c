using PerfTesting.Comparison;

namespace PerfTesting.Baselines;

/// <summary>The comparison of a run with its baseline, metric by metric.</summary>
/// <param name="Name">The baseline's name.</param>
/// <param name="Comparable">False when the environments differ and the options did not allow that: the metrics are then informational, never a failure.</param>
/// <param name="NotComparableReason">Why not, when <paramref name="Comparable"/> is false.</param>
/// <param name="Metrics">One row per metric (informational when not comparable).</param>
public sealed record BaselineComparison(
    string Name,
    bool Comparable,
    string? NotComparableReason,
    IReadOnlyList<MetricComparison> Metrics)
{
    /// <summary>Regressed if any metric regressed; else Improved if any improved; else Inconclusive if any is; else Same.</summary>
    public Verdict Overall =>
        Metrics.Any(m => m.Verdict == Verdict.Regressed) ? Verdict.Regressed
        : Metrics.Any(m => m.Verdict == Verdict.Improved) ? Verdict.Improved
        : Metrics.Any(m => m.Verdict == Verdict.Inconclusive) ? Verdict.Inconclusive
        : Verdict.Same;
}
