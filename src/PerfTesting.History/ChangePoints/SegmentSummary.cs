namespace PerfTesting.History.ChangePoints;

/// <summary>Count, mean and sample variance (n - 1) of a run of points.</summary>
/// <param name="Count">Points.</param>
/// <param name="Mean">Their mean.</param>
/// <param name="Variance">Their sample variance; 0 for fewer than two points.</param>
public readonly record struct SegmentSummary(int Count, double Mean, double Variance)
{
    /// <summary>Summarises <paramref name="values"/>[<paramref name="start"/>..<paramref name="end"/>).</summary>
    /// <param name="values">The series.</param>
    /// <param name="start">First index, inclusive.</param>
    /// <param name="end">Last index, exclusive.</param>
    /// <returns>The summary.</returns>
    public static SegmentSummary Of(IReadOnlyList<double> values, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(values);
        var count = end - start;
        if (count <= 0)
        {
            return default;
        }

        var mean = 0.0;
        for (var i = start; i < end; i++)
        {
            mean += values[i];
        }

        mean /= count;
        var squares = 0.0;
        for (var i = start; i < end; i++)
        {
            squares += (values[i] - mean) * (values[i] - mean);
        }

        return new SegmentSummary(count, mean, count > 1 ? squares / (count - 1) : 0);
    }
}
