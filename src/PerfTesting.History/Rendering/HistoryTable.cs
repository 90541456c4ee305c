using System.Globalization;
using PerfTesting.History.Analysis;
using PerfTesting.Metrics;
using PerfTesting.Tables;

namespace PerfTesting.History.Rendering;

/// <summary>The change points as one table for the Markdown summary and the HTML page, each toned as a regression or an improvement.</summary>
internal static class HistoryTable
{
    public static ReportTable ChangePoints(IReadOnlyList<(SeriesAnalysis Series, ChangePoint Point)> points, bool markdown)
    {
        // The Markdown summary is read in a pull request: short means and the runs since; the page has room for the intervals.
        string[] columns = markdown
            ? ["scenario", "metric", "change", "commit", "before", "after", "p", "runs since"]
            : ["scenario", "metric", "change", "commit", "before (95% interval)", "after (95% interval)", "p"];
        return new ReportTable(
            "Change points",
            null,
            columns,
            [.. points.Select(p => (IReadOnlyList<string>)
            [
                p.Series.Scenario,
                p.Series.Metric.Label(),
                p.Series.Metric.Change(p.Point.Change),
                markdown ? $"`{HistoryFormat.ShortCommit(p.Point.Commit)}`" : HistoryFormat.ShortCommit(p.Point.Commit),
                markdown ? p.Series.Metric.Value(p.Point.Before.Mean) : HistoryFormat.Estimate(p.Series.Metric, p.Point.Before),
                markdown ? p.Series.Metric.Value(p.Point.After.Mean) : HistoryFormat.Estimate(p.Series.Metric, p.Point.After),
                p.Point.PValue.ToString("G2", CultureInfo.InvariantCulture),
                .. markdown ? [p.Point.RunsSince.ToString(CultureInfo.InvariantCulture)] : Array.Empty<string>(),
            ])])
        {
            Alignment = [.. columns.Select(_ => ColumnAlignment.Left)],
            Tones = [.. points.Select(p => p.Point.IsRegression ? CellTone.Fail : CellTone.Better)],
            ToneColumn = 2,
        };
    }
}
