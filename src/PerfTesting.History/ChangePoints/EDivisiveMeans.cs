namespace PerfTesting.History.ChangePoints;

/// <summary>
/// E-Divisive means with Student's t-test on a sliding window, as Apache Otava (formerly Hunter) does it
/// (Fleming et al. 2023, "Hunter: Using Change Point Detection to Hunt for Performance Regressions"):
/// a split step finds weak change points window by window at ten times the p-value, and a merge step
/// drops the weakest until every one left is significant over the segments either side of it.
/// Written here because Otava is Python; the differences are named where they are.
/// </summary>
/// <param name="options">The settings; null for Otava's defaults.</param>
public sealed class EDivisiveMeans(EDivisiveOptions? options = null) : IChangePointDetector
{
    private readonly EDivisiveOptions _options = Validated(options ?? new EDivisiveOptions());

    /// <inheritdoc />
    public IReadOnlyList<int> Detect(IReadOnlyList<double> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var firstPass = _options.MaxPValue < 0.05 ? _options.MaxPValue * 10 : _options.MaxPValue < 0.5 ? _options.MaxPValue * 2 : _options.MaxPValue;
        // Otava tests the raw values; one slow run then hides or makes a change point (see OutlierClipping).
        var clipped = OutlierClipping.Apply(series);
        var weak = Split(clipped, firstPass);
        return Merge(clipped, weak);
    }

    /// <summary>The split step: weak change points of each window (step of half a window), their union in index order.</summary>
    internal List<int> Split(IReadOnlyList<double> series, double pValue)
    {
        var found = new SortedSet<int>();
        var step = Math.Max(1, _options.WindowLength / 2);
        for (var start = 0; start < series.Count;)
        {
            var end = Math.Min(start + _options.WindowLength, series.Count);
            var inWindow = DetectInWindow(series, start, end, pValue);
            found.UnionWith(inWindow);
            start = Math.Max(inWindow.Count > 0 ? inWindow.Max() : 0, start + step);
        }

        return [.. found];
    }

    /// <summary>The merge step: while a change point is not significant (or changes less than MinMagnitude), drop the weakest and re-test its neighbours.</summary>
    internal List<int> Merge(IReadOnlyList<double> series, List<int> weak)
    {
        var points = new List<int>(weak);
        var stats = points.Select((_, i) => Test(series, points, i)).ToList();
        while (points.Count > 0)
        {
            var weakest = IndexOfMax(stats, s => s.PValue);
            if (stats[weakest].PValue <= _options.MaxPValue)
            {
                weakest = IndexOfMax(stats, s => -s.Magnitude);
                if (stats[weakest].Magnitude > _options.MinMagnitude)
                {
                    break;
                }
            }

            points.RemoveAt(weakest);
            stats.RemoveAt(weakest);
            // Both neighbours of the removed point now border a longer segment. (Otava re-tests the point
            // after the removed one and the one after that; the one before it is the other neighbour.)
            foreach (var neighbour in new[] { weakest - 1, weakest })
            {
                if (neighbour >= 0 && neighbour < points.Count)
                {
                    stats[neighbour] = Test(series, points, neighbour);
                }
            }
        }

        return points;
    }

    private List<int> DetectInWindow(IReadOnlyList<double> series, int start, int end, double pValue)
    {
        var window = new double[end - start];
        for (var i = 0; i < window.Length; i++)
        {
            window[i] = series[start + i];
        }

        var distances = new PairDistances(window);
        var points = new List<int>();
        while (true)
        {
            (int Tau, double QHat, int From, int To)? best = null;
            var bounds = Bounds(points, window.Length);
            for (var i = 0; i + 1 < bounds.Count; i++)
            {
                if (bounds[i + 1] - bounds[i] > 1 && distances.BestSplit(bounds[i], bounds[i + 1], _options.MinimumSegment) is { } split
                    && (best is null || split.QHat > best.Value.QHat))
                {
                    best = (split.Tau, split.QHat, bounds[i], bounds[i + 1]);
                }
            }

            if (best is not { } candidate
                || StudentTTest.PValue(SegmentSummary.Of(window, candidate.From, candidate.Tau), SegmentSummary.Of(window, candidate.Tau, candidate.To)) > pValue)
            {
                break;
            }

            points.Add(candidate.Tau);
            points.Sort();
        }

        return [.. points.Select(p => p + start)];
    }

    private (double PValue, double Magnitude) Test(IReadOnlyList<double> series, List<int> points, int i)
    {
        var from = i == 0 ? 0 : points[i - 1];
        var to = i == points.Count - 1 ? series.Count : points[i + 1];
        if (points[i] - from < _options.MinimumSegment || to - points[i] < _options.MinimumSegment)
        {
            return (1, 0);
        }

        var before = SegmentSummary.Of(series, from, points[i]);
        var after = SegmentSummary.Of(series, points[i], to);
        return (StudentTTest.PValue(before, after), Magnitude(before.Mean, after.Mean));
    }

    /// <summary>Otava's change magnitude: the larger of the forward and backward relative changes.</summary>
    internal static double Magnitude(double before, double after) =>
        Math.Max(Math.Abs(before == 0 ? 0 : after / before - 1), Math.Abs(after == 0 ? 0 : before / after - 1));

    private static List<int> Bounds(List<int> points, int length) => [0, .. points.Where(p => p > 0 && p < length), length];

    private static int IndexOfMax<T>(List<T> items, Func<T, double> key)
    {
        var best = 0;
        for (var i = 1; i < items.Count; i++)
        {
            if (key(items[i]) > key(items[best]))
            {
                best = i;
            }
        }

        return best;
    }

    private static EDivisiveOptions Validated(EDivisiveOptions options)
    {
        options.Validate();
        return options;
    }
}
