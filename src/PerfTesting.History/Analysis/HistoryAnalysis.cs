namespace PerfTesting.History.Analysis;

/// <summary>Every series of a history with its change points (the model the text, JSON, Markdown and HTML outputs render).</summary>
/// <param name="Schema">Always <see cref="CurrentSchema"/>.</param>
/// <param name="Detector">How change points were found.</param>
/// <param name="Series">One entry per scenario, environment and metric.</param>
public sealed record HistoryAnalysis(string Schema, string Detector, IReadOnlyList<SeriesAnalysis> Series)
{
    /// <summary>The JSON schema name of this document.</summary>
    public const string CurrentSchema = "perftesting.history-analysis/v1";

    /// <summary>Regressions among the last <paramref name="lastRuns"/> runs of their series.</summary>
    /// <param name="lastRuns">How many of the newest runs count.</param>
    /// <returns>(series, change point) pairs.</returns>
    public IReadOnlyList<(SeriesAnalysis Series, ChangePoint Point)> RecentRegressions(int lastRuns) =>
        [.. Series.SelectMany(s => s.ChangePoints.Where(c => c.IsRegression && c.RunsSince <= lastRuns).Select(c => (s, c)))];
}
