namespace PerfTesting.Reporting.Charts;

/// <summary>One named line of a chart.</summary>
/// <param name="Name">The legend text.</param>
/// <param name="Points">The points, in the order they are drawn.</param>
internal sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points);
