using Perfolizer.Mathematics.Cpd;

namespace PerfTesting.History.ChangePoints;

/// <summary>Perfolizer's EdPelt (PELT with an energy-statistic cost), measured beside <see cref="EDivisiveMeans"/> in bench/HistoryTrust.</summary>
/// <param name="minimumDistance">Fewest points between change points.</param>
public sealed class EdPeltDetector(int minimumDistance = EDivisiveOptions.DefaultMinimumSegment) : IChangePointDetector
{
    /// <inheritdoc />
    public IReadOnlyList<int> Detect(IReadOnlyList<double> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return series.Count < 2 * minimumDistance ? [] : EdPeltChangePointDetector.Instance.GetChangePointIndexes([.. series], minimumDistance);
    }
}
