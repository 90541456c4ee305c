namespace PerfTesting.Comparison.Statistics;

/// <summary>
/// Wilcoxon's signed-rank test of "the paired differences are centred on zero", two-sided and exact:
/// zero differences are dropped (Wilcoxon's method), ties get midranks, and the p-value comes from the
/// exact distribution of T+ for exactly those ranks.
/// </summary>
/// <remarks>
/// Hand-written because Pragmastat 3.2.4 (the statistics package this engine uses) offers estimators
/// but no tests and no bounds. Checked against scipy.stats.wilcoxon (tests/Unit/Comparison).
/// </remarks>
internal static class SignedRankTest
{
    /// <summary>Runs the test.</summary>
    /// <param name="differences">The paired differences (here: log(B/A) per round).</param>
    /// <returns>T+ (the sum of positive ranks), the number of non-zero differences, and the two-sided p-value (1 when nothing is left to rank).</returns>
    public static SignedRankResult Run(IReadOnlyList<double> differences)
    {
        ArgumentNullException.ThrowIfNull(differences);
        var nonZero = differences.Where(d => d != 0 && double.IsFinite(d)).ToArray();
        if (nonZero.Length == 0)
        {
            return new SignedRankResult(0, 0, 1);
        }

        var doubledRanks = DoubledMidranks(nonZero.Select(Math.Abs).ToArray());
        var doubledPositive = 0;
        for (var i = 0; i < nonZero.Length; i++)
        {
            if (nonZero[i] > 0)
            {
                doubledPositive += doubledRanks[i];
            }
        }

        var distribution = SignedRankDistribution.ForDoubledRanks(doubledRanks);
        var p = 2 * Math.Min(distribution.AtMost(doubledPositive), distribution.AtLeast(doubledPositive));
        return new SignedRankResult(doubledPositive / 2.0, nonZero.Length, Math.Min(1, p));
    }

    /// <summary>Ranks of <paramref name="values"/> (1 = smallest), ties sharing their mean rank, all times two.</summary>
    /// <param name="values">The values to rank.</param>
    internal static int[] DoubledMidranks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var ranks = new int[values.Length];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            // Ranks start+1 .. end+1 share their mean; doubled: (start + 1 + end + 1).
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = start + end + 2;
            }

            start = end + 1;
        }

        return ranks;
    }
}
