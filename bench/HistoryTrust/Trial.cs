using PerfTesting.History.ChangePoints;

namespace HistoryTrust;

/// <summary>The trust figures of one detector: false change points on series without a change, and how soon a step is found.</summary>
internal static class Trial
{
    /// <summary>Points before a step: a history of 60 main-branch runs.</summary>
    public const int Before = 60;

    /// <summary>Distance from the true step within which a reported change point counts as that step.</summary>
    public const int Tolerance = 3;

    /// <summary>
    /// Series without a change, analysed as a CI job would: after every new point from the 10th on. Each
    /// distinct change point reported at any of those times counts once.
    /// </summary>
    public static (int False, int Points) AaFalse(IChangePointDetector detector, SeriesFactory factory, int series, int length)
    {
        var falseCount = 0;
        for (var s = 0; s < series; s++)
        {
            var values = factory.Create(length);
            var reported = new HashSet<int>();
            for (var n = 10; n <= length; n++)
            {
                reported.UnionWith(detector.Detect(new ArraySegment<double>(values, 0, n)));
            }

            falseCount += reported.Count;
        }

        return (falseCount, series * length);
    }

    /// <summary>
    /// A +<paramref name="step"/> level change after <see cref="Before"/> points; the delay is how many points after
    /// the step the analysis first reports a regression within <see cref="Tolerance"/> of it (null when not within <paramref name="within"/>).
    /// </summary>
    public static int? Delay(IChangePointDetector detector, SeriesFactory factory, double step, int within)
    {
        var values = factory.Create(Before + within, Before, step);
        for (var k = 1; k <= within; k++)
        {
            var prefix = new ArraySegment<double>(values, 0, Before + k);
            var points = detector.Detect(prefix);
            foreach (var p in points.Where(p => Math.Abs(p - Before) <= Tolerance))
            {
                var from = points.LastOrDefault(q => q < p);
                var to = points.FirstOrDefault(q => q > p, prefix.Count);
                if (SegmentSummary.Of(prefix, p, to).Mean > SegmentSummary.Of(prefix, from, p).Mean)
                {
                    return k;
                }
            }
        }

        return null;
    }
}
