namespace PerfTesting.History.ChangePoints;

/// <summary>Finds where a series' level changes.</summary>
public interface IChangePointDetector
{
    /// <summary>The indexes where a new segment starts (each the first point after a change), ascending.</summary>
    /// <param name="series">The values, oldest first.</param>
    /// <returns>The change points' indexes.</returns>
    IReadOnlyList<int> Detect(IReadOnlyList<double> series);
}
