namespace PerfTesting.Baselines;

/// <summary>The comparison of a run with its baseline, metric by metric.</summary>
/// <param name="Name">The baseline's name.</param>
/// <param name="Comparable">False when the environments differ and the options did not allow that.</param>
/// <param name="NotComparableReason">Why not, when <paramref name="Comparable"/> is false.</param>
/// <param name="Metrics">One row per metric; empty when not comparable.</param>
public sealed record BaselineComparison(
    string Name,
    bool Comparable,
    string? NotComparableReason,
    IReadOnlyList<MetricComparison> Metrics)
{
    /// <summary>Regressed if any metric regressed; else Improved if any improved; else Same.</summary>
    public Verdict Overall =>
        Metrics.Any(m => m.Verdict == Verdict.Regressed) ? Verdict.Regressed
        : Metrics.Any(m => m.Verdict == Verdict.Improved) ? Verdict.Improved
        : Verdict.Same;
}
