using Perfolizer.Mathematics.Distributions.ContinuousDistributions;

namespace PerfTesting.History.ChangePoints;

/// <summary>Two-sided Student's t-test of two independent samples with pooled variance (scipy's ttest_ind, equal_var=True).</summary>
internal static class StudentTTest
{
    /// <summary>The p-value that the two samples share a mean.</summary>
    /// <param name="left">One sample's summary.</param>
    /// <param name="right">The other's.</param>
    /// <returns>The p-value in [0, 1]; 1 when either side has fewer than one degree of freedom between them.</returns>
    public static double PValue(SegmentSummary left, SegmentSummary right)
    {
        var df = left.Count + right.Count - 2;
        if (left.Count == 0 || right.Count == 0 || df <= 0)
        {
            return 1;
        }

        var pooled = ((left.Count - 1) * left.Variance + (right.Count - 1) * right.Variance) / df;
        var difference = left.Mean - right.Mean;
        if (pooled <= 0)
        {
            // No spread on either side: the means are either the same value or certainly different.
            return difference == 0 ? 1 : 0;
        }

        var t = difference / Math.Sqrt(pooled * (1.0 / left.Count + 1.0 / right.Count));
        return Math.Clamp(2 * (1 - new StudentDistribution(df).Cdf(Math.Abs(t))), 0, 1);
    }

    /// <summary>Student's t quantile (for intervals of a mean).</summary>
    /// <param name="probability">The probability, e.g. 0.975.</param>
    /// <param name="df">Degrees of freedom (at least 1).</param>
    /// <returns>The quantile.</returns>
    public static double Quantile(double probability, int df) => new StudentDistribution(df).Quantile(probability);
}
