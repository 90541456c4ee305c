namespace PerfTesting.Comparison.Statistics;

/// <summary>
/// The exact null distribution of Wilcoxon's signed-rank statistic T+ (the sum of the ranks of the
/// positive differences) when every sign is equally likely. Ranks are given doubled so that midranks
/// of ties stay integers: the distribution is then exact for tied data too (conditional on the ties).
/// Computed by dynamic programming over the ranks, O(n * sum of ranks), so it is exact for any number
/// of rounds a comparison can have; no normal approximation.
/// </summary>
internal sealed class SignedRankDistribution
{
    private readonly double[] _cumulative;

    private SignedRankDistribution(double[] probabilities)
    {
        _cumulative = new double[probabilities.Length];
        var sum = 0.0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            sum += probabilities[i];
            _cumulative[i] = sum;
        }
    }

    /// <summary>The largest value 2*T+ can take (twice the sum of all ranks).</summary>
    public int MaxDoubledStatistic => _cumulative.Length - 1;

    /// <summary>The distribution for untied ranks 1..n.</summary>
    /// <param name="n">Number of non-zero differences.</param>
    public static SignedRankDistribution ForUntiedRanks(int n) => ForDoubledRanks([.. Enumerable.Range(1, n).Select(r => 2 * r)]);

    /// <summary>The distribution for the given doubled ranks (2 * rank; midranks of ties are halves, so doubled they are integers).</summary>
    /// <param name="doubledRanks">Each non-zero difference's rank, times two.</param>
    public static SignedRankDistribution ForDoubledRanks(IReadOnlyList<int> doubledRanks)
    {
        ArgumentNullException.ThrowIfNull(doubledRanks);
        var total = doubledRanks.Sum();
        var probabilities = new double[total + 1];
        probabilities[0] = 1;
        var reach = 0;
        foreach (var rank in doubledRanks)
        {
            // Each difference is positive or negative with probability 1/2: convolve with {0, rank}.
            for (var s = reach; s >= 0; s--)
            {
                var p = probabilities[s] / 2;
                probabilities[s] = p;
                probabilities[s + rank] += p;
            }

            reach += rank;
        }

        return new SignedRankDistribution(probabilities);
    }

    /// <summary>P(2*T+ &lt;= <paramref name="doubledStatistic"/>).</summary>
    /// <param name="doubledStatistic">Twice the statistic.</param>
    public double AtMost(int doubledStatistic) =>
        doubledStatistic < 0 ? 0 : doubledStatistic >= _cumulative.Length ? 1 : _cumulative[doubledStatistic];

    /// <summary>P(2*T+ &gt;= <paramref name="doubledStatistic"/>).</summary>
    /// <param name="doubledStatistic">Twice the statistic.</param>
    public double AtLeast(int doubledStatistic) => 1 - AtMost(doubledStatistic - 1);
}
