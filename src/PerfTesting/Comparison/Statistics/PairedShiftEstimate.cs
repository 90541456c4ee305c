using System.Globalization;
using Pragmastat;

namespace PerfTesting.Comparison.Statistics;

/// <summary>
/// The centre of paired differences with a distribution-free confidence interval: the Hodges-Lehmann
/// estimate (the median of the Walsh averages (d_i + d_j) / 2, i &lt;= j; Pragmastat's <c>Center</c>)
/// and Tukey's interval from the order statistics of the Walsh averages, whose ranks come from the
/// exact signed-rank distribution. The interval is the set of shifts the signed-rank test would not
/// reject, so "the interval excludes zero" and "the test rejects" agree.
/// </summary>
/// <remarks>
/// Pragmastat 3.2.4 supplies the estimate; it has no bounds for it (later versions do), so the interval
/// is written here. Checked against an independent brute-force computation in Python (tests/Unit/Comparison).
/// </remarks>
/// <param name="Estimate">The Hodges-Lehmann estimate.</param>
/// <param name="Lower">Lower end of the interval.</param>
/// <param name="Upper">Upper end of the interval.</param>
/// <param name="AchievedConfidence">The interval's exact coverage (at least the level asked for; ranks are discrete).</param>
internal sealed record PairedShiftEstimate(double Estimate, double Lower, double Upper, double AchievedConfidence)
{
    /// <summary>The fewest differences for which an interval at <paramref name="confidence"/> exists: 2^-n must be at most (1 - confidence) / 2.</summary>
    /// <param name="confidence">For example 0.99.</param>
    public static int MinimumPairs(double confidence)
    {
        var n = 1;
        while (Math.Pow(0.5, n) > (1 - confidence) / 2)
        {
            n++;
        }

        return n;
    }

    /// <summary>Estimates the centre of <paramref name="differences"/> and its interval.</summary>
    /// <param name="differences">At least <see cref="MinimumPairs"/> finite values.</param>
    /// <param name="confidence">Two-sided confidence level, for example 0.99.</param>
    public static PairedShiftEstimate Of(IReadOnlyList<double> differences, double confidence)
    {
        ArgumentNullException.ThrowIfNull(differences);
        var n = differences.Count;
        if (n < MinimumPairs(confidence))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{n} differences cannot give a {confidence * 100:0.#}% interval; at least {MinimumPairs(confidence)} are needed."), nameof(differences));
        }

        var walsh = new List<double>(n * (n + 1) / 2);
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                walsh.Add((differences[i] + differences[j]) / 2);
            }
        }

        walsh.Sort();

        // t = the largest T+ with P(T+ <= t) <= alpha/2; the interval is [W(t+1), W(M-t)] (1-based).
        var distribution = SignedRankDistribution.ForUntiedRanks(n);
        var halfAlpha = (1 - confidence) / 2;
        var t = 0;
        while (distribution.AtMost(2 * (t + 1)) <= halfAlpha)
        {
            t++;
        }

        var estimate = (double)new Sample([.. differences]).Center();
        var achieved = 1 - (2 * distribution.AtMost(2 * t));
        return new PairedShiftEstimate(estimate, walsh[t], walsh[walsh.Count - 1 - t], achieved);
    }
}
