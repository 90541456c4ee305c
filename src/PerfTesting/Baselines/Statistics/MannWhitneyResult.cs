namespace PerfTesting.Baselines.Statistics;

/// <summary>The outcome of a Mann-Whitney U test of a current sample against a baseline sample.</summary>
/// <param name="U">The U statistic of the current sample: pairs where current &gt; baseline, ties counting one half.</param>
/// <param name="Z">The standard score of U under the null hypothesis, corrected for ties and continuity.</param>
/// <param name="PValue">The two-sided p-value (normal approximation; both samples here hold hundreds of values or more).</param>
/// <param name="ProbabilityCurrentGreater">
/// U divided by the number of pairs: the chance that a random current value exceeds a random baseline
/// value (0.5 means no shift). The effect size that says which way the distributions moved.
/// </param>
internal readonly record struct MannWhitneyResult(double U, double Z, double PValue, double ProbabilityCurrentGreater);
