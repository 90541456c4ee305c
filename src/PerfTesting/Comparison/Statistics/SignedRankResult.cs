namespace PerfTesting.Comparison.Statistics;

/// <summary>The outcome of a signed-rank test.</summary>
/// <param name="PositiveRankSum">T+: the sum of the ranks of the positive differences.</param>
/// <param name="NonZero">How many differences were not zero (only these are ranked).</param>
/// <param name="PValue">Two-sided exact p-value.</param>
internal sealed record SignedRankResult(double PositiveRankSum, int NonZero, double PValue);
