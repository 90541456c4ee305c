namespace PerfTesting.Comparison;

/// <summary>
/// What a comparison concluded about one metric, or about a whole run. The same rule applies to every
/// metric (see <see cref="PerfTesting.Comparison.ChangeDecision"/>): the change's confidence interval
/// against the tolerance, in the metric's worse direction (higher latency or error rate, lower throughput).
/// </summary>
public enum Verdict
{
    /// <summary>The change is within the tolerance: its confidence interval lies inside it, or the change is significant but smaller than the tolerance.</summary>
    Same,

    /// <summary>Significantly better, and a change of at least the tolerance is within the confidence interval.</summary>
    Improved,

    /// <summary>Significantly worse, and a change of at least the tolerance is within the confidence interval.</summary>
    Regressed,

    /// <summary>Not significant, yet the interval reaches beyond the tolerance: the data cannot resolve a change of that size (or there were too few rounds or samples to test at all). The reason says which.</summary>
    Inconclusive,
}
