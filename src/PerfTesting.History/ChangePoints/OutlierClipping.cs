namespace PerfTesting.History.ChangePoints;

/// <summary>
/// A Hampel filter: each point is clamped to within <see cref="Threshold"/> robust standard deviations of the
/// median of its neighbours (three either side, fewer at the ends). The standard deviation comes from the
/// median absolute first difference, which neither a level change nor a lone outlier moves. One slow run
/// then neither hides a real step (by inflating a segment's variance) nor makes one (Student's t-test
/// assumes normal segments); a step itself survives, since after a few points its neighbours share its level.
/// </summary>
public static class OutlierClipping
{
    /// <summary>How many robust standard deviations a point may stray from its neighbours' median.</summary>
    public const double Threshold = 4;

    /// <summary>Neighbours on each side.</summary>
    public const int HalfWindow = 3;

    /// <summary>The clipped copy of <paramref name="series"/>.</summary>
    /// <param name="series">The values, oldest first.</param>
    /// <returns>The same number of values, outliers pulled in.</returns>
    public static double[] Apply(IReadOnlyList<double> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var clipped = series.ToArray();
        if (series.Count < 4)
        {
            return clipped;
        }

        var differences = new double[series.Count - 1];
        for (var i = 1; i < series.Count; i++)
        {
            differences[i - 1] = Math.Abs(series[i] - series[i - 1]);
        }

        // Median |x[i] - x[i-1]| of normal noise is 0.6745 * sqrt(2) * sigma.
        var sigma = Median(differences) / (0.6745 * Math.Sqrt(2));
        if (sigma <= 0)
        {
            return clipped;
        }

        for (var i = 0; i < series.Count; i++)
        {
            var from = Math.Max(0, i - HalfWindow);
            var to = Math.Min(series.Count, i + HalfWindow + 1);
            var neighbours = new double[to - from];
            for (var j = from; j < to; j++)
            {
                neighbours[j - from] = series[j];
            }

            var median = Median(neighbours);
            clipped[i] = Math.Clamp(series[i], median - Threshold * sigma, median + Threshold * sigma);
        }

        return clipped;
    }

    /// <summary>The median of the values (sorts the array in place).</summary>
    internal static double Median(double[] values)
    {
        Array.Sort(values);
        var half = values.Length / 2;
        return values.Length % 2 == 1 ? values[half] : (values[half - 1] + values[half]) / 2;
    }
}
