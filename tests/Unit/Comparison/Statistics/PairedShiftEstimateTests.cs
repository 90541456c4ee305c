using PerfTesting.Comparison.Statistics;

namespace Tests.Unit.Comparison.Statistics;

/// <summary>
/// Expected values computed independently in Python 3.11 (numpy/scipy from Debian): the median of all
/// Walsh averages (d_i + d_j) / 2, i &lt;= j, with numpy.median; the interval's order statistics from the
/// exact null distribution of T+ built by enumerating all 2^n sign patterns (no dynamic programming), t =
/// the largest sum with P(T+ &lt;= t) &lt;= alpha / 2, interval [W(t+1), W(M-t)].
/// </summary>
public sealed class PairedShiftEstimateTests
{
    private static readonly double[] MostlyPositive = [0.052, 0.031, 0.068, 0.044, 0.012, 0.059, 0.047, -0.008, 0.036, 0.061];
    private static readonly double[] Balanced = [0.010, -0.020, 0.005, 0.030, -0.015, 0.002, -0.007, 0.021, -0.011, 0.004, 0.017, -0.026];

    [Theory]
    // n = 10: t = 3 at 99% (coverage 0.990234375), t = 8 at 95% (0.951171875).
    [InlineData(0.99, 0.044, 0.012, 0.061, 0.990234375)]
    [InlineData(0.95, 0.044, 0.022, 0.0565, 0.951171875)]
    public void Of_TenDifferences_MatchesBruteForce(double confidence, double estimate, double lower, double upper, double achieved)
    {
        var result = PairedShiftEstimate.Of(MostlyPositive, confidence);

        Assert.Equal(estimate, result.Estimate, 1e-12);
        Assert.Equal(lower, result.Lower, 1e-12);
        Assert.Equal(upper, result.Upper, 1e-12);
        Assert.Equal(achieved, result.AchievedConfidence, 1e-12);
    }

    [Theory]
    // n = 12: t = 7 at 99% (0.99072265625), t = 13 at 95% (0.95751953125); estimate 0.00125.
    [InlineData(0.99, -0.0155, 0.017, 0.99072265625)]
    [InlineData(0.95, -0.011, 0.0125, 0.95751953125)]
    public void Of_TwelveBalancedDifferences_IntervalContainsZero(double confidence, double lower, double upper, double achieved)
    {
        var result = PairedShiftEstimate.Of(Balanced, confidence);

        Assert.Equal(0.00125, result.Estimate, 1e-12);
        Assert.Equal(lower, result.Lower, 1e-12);
        Assert.Equal(upper, result.Upper, 1e-12);
        Assert.Equal(achieved, result.AchievedConfidence, 1e-12);
    }

    [Theory]
    [InlineData(0.99, 8)] // 2^-8 = 0.0039 <= 0.005; 2^-7 = 0.0078 is not
    [InlineData(0.95, 6)] // 2^-6 = 0.0156 <= 0.025
    public void MinimumPairs_IsTheFewestThatReachTheLevel(double confidence, int expected) =>
        Assert.Equal(expected, PairedShiftEstimate.MinimumPairs(confidence));

    [Fact]
    public void Of_TooFewDifferences_RefusesWithTheReason()
    {
        var error = Assert.Throws<ArgumentException>(() => PairedShiftEstimate.Of([0.1, 0.2, 0.3], 0.99));

        Assert.Contains("at least 8", error.Message, StringComparison.Ordinal);
    }
}
