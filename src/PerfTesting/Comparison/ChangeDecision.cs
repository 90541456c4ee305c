using PerfTesting.Metrics;

namespace PerfTesting.Comparison;

/// <summary>
/// The one rule that turns a change's confidence interval into a verdict, for every metric of an A/B
/// comparison and of a stored-baseline comparison alike. With the interval oriented so that positive
/// means worse and the tolerance t (the smallest change that matters):
/// <list type="bullet">
/// <item>Regressed: the interval lies above zero (significantly worse) and reaches t (a change of the
/// tolerance's size is not ruled out). A change significantly worse but shown smaller than t is Same.</item>
/// <item>Improved: the mirror image.</item>
/// <item>Same: the interval lies inside (-t, t), or it excludes zero but stays short of t.</item>
/// <item>Inconclusive: the interval contains zero and reaches beyond t on either side: the data could
/// neither detect nor rule out a change of the tolerance's size. The smallest change they could have
/// resolved is the interval's half-width.</item>
/// </list>
/// Why "reaches t" and not "the estimate exceeds t": a true change of exactly the tolerance would then
/// be caught only half of the time. The tolerance is the change a comparison must not miss.
/// </summary>
public static class ChangeDecision
{
    /// <summary>Decides a verdict.</summary>
    /// <param name="direction">Which way the metric gets worse.</param>
    /// <param name="lower">Lower end of the change's interval (relative, or absolute for rates).</param>
    /// <param name="upper">Upper end of the interval.</param>
    /// <param name="tolerance">The smallest change that matters, in the interval's unit (positive).</param>
    /// <returns>The verdict and a sentence saying why.</returns>
    public static (Verdict Verdict, string Reason) Decide(MetricDirection direction, double lower, double upper, double tolerance)
    {
        if (double.IsNaN(lower) || double.IsNaN(upper))
        {
            return (Verdict.Inconclusive, "no interval could be computed");
        }

        // Orient: positive = worse.
        var (worseLow, worseHigh) = direction == MetricDirection.HigherIsWorse ? (lower, upper) : (-upper, -lower);
        if (worseLow > 0)
        {
            return worseHigh >= tolerance
                ? (Verdict.Regressed, "significantly worse; the interval reaches the tolerance")
                : (Verdict.Same, "significantly worse, but by less than the tolerance");
        }

        if (worseHigh < 0)
        {
            return worseLow <= -tolerance
                ? (Verdict.Improved, "significantly better; the interval reaches the tolerance")
                : (Verdict.Same, "significantly better, but by less than the tolerance");
        }

        return worseLow > -tolerance && worseHigh < tolerance
            ? (Verdict.Same, "no significant change; the interval lies within the tolerance")
            : (Verdict.Inconclusive, "no significant change, but the interval reaches beyond the tolerance: too noisy to resolve it");
    }

    /// <summary>
    /// The same rule for a comparison that has a significance test and a point estimate but no
    /// interval (a run against a stored baseline): significant and beyond the tolerance in the worse
    /// direction is Regressed (better: Improved); significant but within it is Same; not significant
    /// but beyond it is Inconclusive (the data cannot tell a change of that size from noise); not
    /// significant and within it is Same. A test that points the other way from the estimate is Inconclusive.
    /// </summary>
    /// <param name="direction">Which way the metric gets worse.</param>
    /// <param name="change">The estimated change (relative, or absolute for rates).</param>
    /// <param name="pValue">The test's two-sided p-value.</param>
    /// <param name="testSign">The sign of the test's statistic: positive when it found the second sample higher.</param>
    /// <param name="tolerance">The smallest change that matters.</param>
    /// <param name="significanceLevel">The test's level.</param>
    /// <returns>The verdict and a sentence saying why.</returns>
    public static (Verdict Verdict, string Reason) DecideFromTest(MetricDirection direction, double change, double pValue, double testSign, double tolerance, double significanceLevel)
    {
        if (double.IsNaN(change) || double.IsNaN(pValue))
        {
            return (Verdict.Inconclusive, "no estimate or no test");
        }

        var worse = direction == MetricDirection.HigherIsWorse ? change : -change;
        var significant = pValue < significanceLevel;
        var beyond = Math.Abs(worse) > tolerance;
        if (significant && testSign != 0 && Math.Sign(testSign) != Math.Sign(change) && change != 0)
        {
            return (Verdict.Inconclusive, "the test and the estimate point in opposite directions");
        }

        return (significant, beyond) switch
        {
            (true, true) => worse > 0
                ? (Verdict.Regressed, "significantly worse, beyond the tolerance")
                : (Verdict.Improved, "significantly better, beyond the tolerance"),
            (true, false) => (Verdict.Same, "significant, but within the tolerance"),
            (false, true) => (Verdict.Inconclusive, "beyond the tolerance, but not significant: too noisy to tell"),
            _ => (Verdict.Same, "within the tolerance and not significant"),
        };
    }
}
