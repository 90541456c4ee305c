using System.Globalization;
using System.Text;
using PerfTesting.History.Analysis;
using PerfTesting.Tables;

namespace PerfTesting.History.Rendering;

/// <summary>The analysis as plain text (for a terminal) and as a Markdown summary (for $GITHUB_STEP_SUMMARY).</summary>
public static class HistoryTextWriter
{
    /// <summary>One line per change point, grouped by environment, then the verdict on the last runs.</summary>
    /// <param name="analysis">The analysis.</param>
    /// <param name="lastRuns">How many of the newest runs decide the exit code.</param>
    /// <returns>The text.</returns>
    public static string Text(HistoryAnalysis analysis, int lastRuns)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var text = new StringBuilder();
        var scenarios = analysis.Series.Select(s => (s.Scenario, s.Environment.Key)).Distinct().Count();
        text.Append(CultureInfo.InvariantCulture, $"history: {scenarios} scenario series, {analysis.Series.Sum(s => s.ChangePoints.Count)} change points ({analysis.Detector})\n");
        foreach (var environment in analysis.Series.GroupBy(s => s.Environment.Key))
        {
            text.Append(CultureInfo.InvariantCulture, $"environment {environment.Key}: {environment.First().Environment.Describe()}\n");
            foreach (var series in environment)
            {
                foreach (var point in series.ChangePoints)
                {
                    text.Append("  ").Append(HistoryFormat.Line(series, point)).Append('\n');
                }
            }
        }

        var recent = analysis.RecentRegressions(lastRuns);
        text.Append(CultureInfo.InvariantCulture, $"regressions among the last {lastRuns} runs: {recent.Count}\n");
        foreach (var (series, point) in recent)
        {
            text.Append("  REGRESSION ").Append(HistoryFormat.Line(series, point)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A short Markdown summary: the verdict on the last runs, then a table of every change point.</summary>
    /// <param name="analysis">The analysis.</param>
    /// <param name="lastRuns">How many of the newest runs count as recent.</param>
    /// <returns>The Markdown.</returns>
    public static string Markdown(HistoryAnalysis analysis, int lastRuns)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var md = new StringBuilder("## Performance history\n\n");
        var recent = analysis.RecentRegressions(lastRuns);
        var runs = analysis.Series.Count == 0 ? 0 : analysis.Series.Max(s => s.Points.Count);
        md.Append(CultureInfo.InvariantCulture, $"{analysis.Series.Select(s => s.Scenario).Distinct().Count()} scenarios, up to {runs} runs per series. ");
        md.Append(recent.Count == 0
            ? $"No regression change point among the last {lastRuns} runs.\n\n"
            : $"**{recent.Count} regression change point(s) among the last {lastRuns} runs.**\n\n");
        var all = analysis.Series.SelectMany(s => s.ChangePoints.Select(c => (s, c))).OrderByDescending(p => p.c.RecordId).ToList();
        if (all.Count == 0)
        {
            md.Append("No change points in the history.\n");
            return md.ToString();
        }

        md.Append(MarkdownTable.Grid(HistoryTable.ChangePoints(all, markdown: true)));
        md.Append("\nDetector: ").Append(analysis.Detector).Append(".\n");
        return md.ToString();
    }
}
