namespace PerfTesting.Baselines.Statistics;

/// <summary>
/// The pooled two-proportion z-test, for error rates: did the share of failed requests change? A
/// rank test does not fit a yes/no outcome, and these samples are large enough for the normal
/// approximation.
/// </summary>
internal static class TwoProportionTest
{
    /// <summary>Compares the current failure share against the baseline's.</summary>
    /// <param name="baselineFailures">Failed requests in the baseline.</param>
    /// <param name="baselineTotal">All requests in the baseline.</param>
    /// <param name="currentFailures">Failed requests now.</param>
    /// <param name="currentTotal">All requests now.</param>
    /// <returns>The standard score (positive when the current share is higher) and the two-sided p-value.</returns>
    public static (double Z, double PValue) Compare(long baselineFailures, long baselineTotal, long currentFailures, long currentTotal)
    {
        if (baselineTotal <= 0 || currentTotal <= 0)
        {
            throw new ArgumentException("Both samples need at least one request.");
        }

        if (baselineFailures < 0 || baselineFailures > baselineTotal || currentFailures < 0 || currentFailures > currentTotal)
        {
            throw new ArgumentException("Failures must lie between zero and the number of requests.");
        }

        double p1 = (double)baselineFailures / baselineTotal;
        double p2 = (double)currentFailures / currentTotal;
        double pooled = (double)(baselineFailures + currentFailures) / (baselineTotal + currentTotal);
        var standardError = Math.Sqrt(pooled * (1 - pooled) * (1.0 / baselineTotal + 1.0 / currentTotal));
        if (standardError == 0)
        {
            return (0, 1);
        }

        var z = (p2 - p1) / standardError;
        return (z, NormalDistribution.TwoSidedPValue(z));
    }
}
