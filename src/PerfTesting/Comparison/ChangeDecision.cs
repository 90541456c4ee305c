using PerfTesting.Baselines;

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
}
