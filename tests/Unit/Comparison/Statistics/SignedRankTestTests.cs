using PerfTesting.Comparison.Statistics;

namespace Tests.Unit.Comparison.Statistics;

/// <summary>
/// Expected values computed independently with Python 3.11 and Debian's python3-scipy 1.10.1:
/// scipy.stats.wilcoxon(d, zero_method='wilcox', method='exact') for the untied samples, and a brute-force
/// enumeration of all 2^n sign patterns over scipy.stats.rankdata midranks for the tied one
/// (script: for signs in itertools.product([0,1], repeat=n): sum of ranks with sign 1).
/// </summary>
public sealed class SignedRankTestTests
{
    // Nine of ten differences positive: T+ = 54 of 55, scipy p = 0.00390625 (= 4/1024).
    private static readonly double[] MostlyPositive = [0.052, 0.031, 0.068, 0.044, 0.012, 0.059, 0.047, -0.008, 0.036, 0.061];

    // Centred on zero: T+ = 41, scipy p = 0.90966796875.
    private static readonly double[] Balanced = [0.010, -0.020, 0.005, 0.030, -0.015, 0.002, -0.007, 0.021, -0.011, 0.004, 0.017, -0.026];

    [Fact]
    public void Run_UntiedSamples_MatchesScipyExactWilcoxon()
    {
        var positive = SignedRankTest.Run(MostlyPositive);
        Assert.Equal(54, positive.PositiveRankSum);
        Assert.Equal(0.00390625, positive.PValue, 1e-12);

        var balanced = SignedRankTest.Run(Balanced);
        Assert.Equal(41, balanced.PositiveRankSum);
        Assert.Equal(0.90966796875, balanced.PValue, 1e-12);
    }

    [Fact]
    public void Run_TiesAndAZero_DropsTheZeroAndUsesMidranksExactly()
    {
        // Brute force over the 7 non-zero differences' midranks: T+ = 25, p = 0.0625.
        var result = SignedRankTest.Run([0.02, 0.02, -0.01, 0.03, 0.0, 0.02, -0.01, 0.04]);

        Assert.Equal(7, result.NonZero);
        Assert.Equal(25, result.PositiveRankSum);
        Assert.Equal(0.0625, result.PValue, 1e-12);
    }

    [Fact]
    public void Run_AllZero_IsNotSignificant()
    {
        var result = SignedRankTest.Run([0.0, 0.0, 0.0]);

        Assert.Equal(0, result.NonZero);
        Assert.Equal(1, result.PValue);
    }

    [Fact]
    public void DoubledMidranks_TiesShareTheirMeanRank()
    {
        // Values 3, 1, 3, 2: ranks 3.5, 1, 3.5, 2 -> doubled 7, 2, 7, 4.
        Assert.Equal([7, 2, 7, 4], SignedRankTest.DoubledMidranks([3, 1, 3, 2]));
    }

    [Fact]
    public void Distribution_UntiedTen_HasTheTabulatedTail()
    {
        // P(T+ <= 3) for n = 10: sign patterns with rank sums 0, 1, 2, 3, 3 (={3} and {1,2}) = 5 / 1024.
        var distribution = SignedRankDistribution.ForUntiedRanks(10);

        Assert.Equal(5 / 1024.0, distribution.AtMost(2 * 3), 1e-15);
        Assert.Equal(1, distribution.AtMost(distribution.MaxDoubledStatistic));
        Assert.Equal(1 / 1024.0, distribution.AtLeast(distribution.MaxDoubledStatistic), 1e-15);
    }
}
