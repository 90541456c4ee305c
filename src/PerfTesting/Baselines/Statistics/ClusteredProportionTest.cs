namespace PerfTesting.Baselines.Statistics;

/// <summary>
/// A two-proportion z-test whose variance respects clustering: requests of one run are not
/// independent (a GC pause or a scheduler hiccup slows every request of that moment together), so
/// each run's proportion gets the larger of the binomial variance and the cluster-robust variance
/// estimated from its per-second blocks (the ratio-estimator variance with a B/(B-1) correction).
/// With one block per run it is the ordinary pooled two-proportion test. Measured effect: in the
/// verdict-trust measurement, unchanged runs whose p95 moved by a stall of one second were called
/// Regressed by the plain test; with clustering the stall widens the variance instead.
/// </summary>
internal static class ClusteredProportionTest
{
    /// <summary>Compares the proportion of "hits" (e.g. requests above a latency) of two runs.</summary>
    /// <param name="baseline">The baseline's blocks: hits and requests per second.</param>
    /// <param name="current">The current run's blocks.</param>
    /// <returns>z (positive when the current proportion is higher) and the two-sided p-value.</returns>
    public static (double Z, double PValue) Compare(IReadOnlyList<(long Hits, long Total)> baseline, IReadOnlyList<(long Hits, long Total)> current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        var (baselineHits, baselineTotal) = Sum(baseline);
        var (currentHits, currentTotal) = Sum(current);
        if (baselineTotal <= 0 || currentTotal <= 0)
        {
            throw new ArgumentException("Both samples need at least one request.");
        }

        var p1 = (double)baselineHits / baselineTotal;
        var p2 = (double)currentHits / currentTotal;
        var pooled = (double)(baselineHits + currentHits) / (baselineTotal + currentTotal);
        var variance1 = Math.Max(pooled * (1 - pooled) / baselineTotal, ClusterVariance(baseline, p1, baselineTotal));
        var variance2 = Math.Max(pooled * (1 - pooled) / currentTotal, ClusterVariance(current, p2, currentTotal));
        var standardError = Math.Sqrt(variance1 + variance2);
        if (standardError == 0)
        {
            return (0, 1);
        }

        var z = (p2 - p1) / standardError;
        return (z, NormalDistribution.TwoSidedPValue(z));
    }

    private static (long Hits, long Total) Sum(IReadOnlyList<(long Hits, long Total)> blocks)
    {
        long hits = 0, total = 0;
        foreach (var (h, t) in blocks)
        {
            if (h < 0 || t < 0 || h > t)
            {
                throw new ArgumentException("Each block's hits must lie between zero and its requests.");
            }

            hits += h;
            total += t;
        }

        return (hits, total);
    }

    private static double ClusterVariance(IReadOnlyList<(long Hits, long Total)> blocks, double proportion, long total)
    {
        var used = blocks.Count(b => b.Total > 0);
        if (used < 2)
        {
            return 0;
        }

        var squares = blocks.Where(b => b.Total > 0).Sum(b => Math.Pow(b.Hits - proportion * b.Total, 2));
        return used / (used - 1.0) * squares / ((double)total * total);
    }
}
