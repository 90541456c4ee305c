using PerfTesting.History.Records;
using PerfTesting.Metrics;

namespace PerfTesting.History.Analysis;

/// <summary>One metric of one scenario in one environment: its runs and the change points found in them.</summary>
/// <param name="Scenario">The scenario (run name, or run/scenario).</param>
/// <param name="Environment">The environment all these runs share.</param>
/// <param name="Metric">The metric.</param>
/// <param name="Points">The runs, oldest first.</param>
/// <param name="ChangePoints">The change points, oldest first.</param>
public sealed record SeriesAnalysis(
    string Scenario,
    HistoryEnvironment Environment,
    PerfMetric Metric,
    IReadOnlyList<SeriesPoint> Points,
    IReadOnlyList<ChangePoint> ChangePoints);
