namespace PerfTesting.Baselines.Statistics;

/// <summary>
/// The Mann-Whitney U (Wilcoxon rank-sum) test on weighted samples, such as two HdrHistograms. It
/// asks whether one distribution is shifted against the other without assuming any shape, which suits
/// latencies (skewed, long-tailed, multi-modal). Working on buckets instead of raw values makes it
/// O(buckets) for millions of requests; values in one bucket are ties, handled by mid-ranks and the
/// tie correction of the variance.
/// </summary>
internal static class MannWhitneyUTest
{
    /// <summary>Tests <paramref name="current"/> against <paramref name="baseline"/>.</summary>
    /// <param name="baseline">The baseline's values and counts, in any order.</param>
    /// <param name="current">The current run's values and counts, in any order.</param>
    /// <returns>U, the standard score, the two-sided p-value and the effect size.</returns>
    public static MannWhitneyResult Compare(IEnumerable<WeightedValue> baseline, IEnumerable<WeightedValue> current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);

        // Merge both samples into one table of distinct values: (value, baseline count, current count).
        var table = new SortedDictionary<double, (double Baseline, double Current)>();
        foreach (var (value, count) in baseline.Where(v => v.Count > 0))
        {
            table[value] = table.TryGetValue(value, out var c) ? (c.Baseline + count, c.Current) : (count, 0);
        }

        foreach (var (value, count) in current.Where(v => v.Count > 0))
        {
            table[value] = table.TryGetValue(value, out var c) ? (c.Baseline, c.Current + count) : (0, count);
        }

        double n1 = 0, n2 = 0;
        foreach (var (b, c) in table.Values)
        {
            n1 += b;
            n2 += c;
        }

        if (n1 == 0 || n2 == 0)
        {
            throw new ArgumentException("Both samples need at least one value.");
        }

        // U of the current sample = number of (baseline, current) pairs with current > baseline, ties 1/2.
        double u = 0, baselineBelow = 0, tieTerm = 0;
        foreach (var (b, c) in table.Values)
        {
            u += c * (baselineBelow + b / 2);
            baselineBelow += b;
            var tied = b + c;
            tieTerm += tied * tied * tied - tied;
        }

        var n = n1 + n2;
        var mean = n1 * n2 / 2;
        var variance = n1 * n2 / 12 * (n + 1 - tieTerm / (n * (n - 1)));
        double z;
        if (variance <= 0)
        {
            // Every value is the same: there is no shift to detect.
            z = 0;
        }
        else
        {
            var continuity = u > mean ? -0.5 : u < mean ? 0.5 : 0;
            z = (u - mean + continuity) / Math.Sqrt(variance);
        }

        return new MannWhitneyResult(u, z, NormalDistribution.TwoSidedPValue(z), u / (n1 * n2));
    }
}
