namespace PerfTesting.Reporting.Charts;

/// <summary>A point of a line chart, in data units.</summary>
/// <param name="X">The horizontal value.</param>
/// <param name="Y">The vertical value.</param>
internal readonly record struct ChartPoint(double X, double Y);
