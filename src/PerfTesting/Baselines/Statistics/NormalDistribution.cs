namespace PerfTesting.Baselines.Statistics;

/// <summary>The standard normal distribution, for the large-sample approximations of the rank tests.</summary>
internal static class NormalDistribution
{
    /// <summary>P(Z &gt; z) for a standard normal Z.</summary>
    /// <param name="z">The standard score.</param>
    /// <returns>The upper-tail probability.</returns>
    public static double UpperTail(double z) => 0.5 * Erfc(z / Math.Sqrt(2));

    /// <summary>The two-sided p-value of a standard score: P(|Z| &gt;= |z|).</summary>
    /// <param name="z">The standard score.</param>
    /// <returns>The probability, in [0, 1].</returns>
    public static double TwoSidedPValue(double z) => Math.Min(1, Erfc(Math.Abs(z) / Math.Sqrt(2)));

    /// <summary>
    /// The complementary error function, by the Chebyshev fit of Numerical Recipes (erfcc): relative
    /// error below 1.2e-7 everywhere, far finer than any significance level needs.
    /// </summary>
    /// <param name="x">The argument.</param>
    /// <returns>erfc(x).</returns>
    public static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
            + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
            + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
