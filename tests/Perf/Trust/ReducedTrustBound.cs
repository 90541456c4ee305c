namespace Tests.Perf.Trust;

/// <summary>
/// What a reduced trust run (a few comparisons of each kind, in the main job) can check without
/// failing by chance. The full measurement's targets are rates over 20 comparisons (at most 1 A/A
/// false alarm, at least 19 of the slowdowns detected); a verdict exactly at those rates gets 1 false
/// alarm in 2 comparisons about one time in ten, so asserting 0 of 2 made the main job flaky while the
/// product met its targets. The reduced run instead allows the largest count that a verdict at the
/// target rate exceeds with probability at most <see cref="Risk"/>: it still fails a verdict that is
/// broken (always Regressed, never detecting), and leaves the rates to the full measurement.
/// </summary>
internal static class ReducedTrustBound
{
    /// <summary>The chance that a verdict meeting the targets fails the reduced run: 1%.</summary>
    public const double Risk = 0.01;

    /// <summary>
    /// The most events (false alarms, or missed detections) allowed in <paramref name="trials"/>
    /// comparisons when each happens with probability <paramref name="rate"/>: the smallest k with
    /// P(X &gt; k) &lt;= <see cref="Risk"/> for X ~ Binomial(trials, rate).
    /// </summary>
    public static int MostAllowed(int trials, double rate)
    {
        var cumulative = 0.0;
        for (var k = 0; k <= trials; k++)
        {
            cumulative += Binomial(trials, k) * Math.Pow(rate, k) * Math.Pow(1 - rate, trials - k);
            if (1 - cumulative <= Risk)
            {
                return k;
            }
        }

        return trials;
    }

    private static double Binomial(int n, int k)
    {
        var result = 1.0;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }
}
