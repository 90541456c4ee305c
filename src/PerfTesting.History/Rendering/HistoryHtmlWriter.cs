using System.Globalization;
using System.Net;
using System.Text;
using PerfTesting.History.Analysis;
using PerfTesting.Tables;

namespace PerfTesting.History.Rendering;

/// <summary>A self-contained HTML trend page (inline CSS and SVG, no scripts, no network): one chart per scenario and metric.</summary>
public static class HistoryHtmlWriter
{
    /// <summary>Renders the page.</summary>
    /// <param name="analysis">The analysis.</param>
    /// <param name="lastRuns">How many of the newest runs count as recent.</param>
    /// <param name="generatedAt">When the page is written.</param>
    /// <returns>The HTML.</returns>
    public static string Render(HistoryAnalysis analysis, int lastRuns, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Performance history</title><style>")
            .Append("body{font-family:sans-serif;margin:24px;color:#222;max-width:1600px}h2{margin-top:32px;border-bottom:1px solid #ddd}")
            .Append(".charts{display:flex;flex-wrap:wrap;gap:12px}").Append(HtmlTable.Css)
            .Append(".regression{color:#D55E00;font-weight:bold}.improvement{color:#009E73}.env{color:#666;font-size:13px}")
            .Append("</style></head><body><h1>Performance history</h1>");
        var recent = analysis.RecentRegressions(lastRuns);
        html.Append(CultureInfo.InvariantCulture, $"<p>Generated {generatedAt:u}. {Encode(analysis.Detector)}. ")
            .Append(recent.Count == 0
                ? $"No regression change point among the last {lastRuns} runs.</p>"
                : $"<span class=\"regression\">{recent.Count} regression change point(s) among the last {lastRuns} runs.</span></p>");
        var points = analysis.Series.SelectMany(s => s.ChangePoints.Select(c => (s, c))).OrderByDescending(p => p.c.RecordId).ToList();
        if (points.Count > 0)
        {
            html.Append(HtmlTable.Grid(HistoryTable.ChangePoints(points, markdown: false)));
        }

        foreach (var group in analysis.Series.GroupBy(s => (s.Scenario, s.Environment.Key)))
        {
            html.Append("<h2>").Append(Encode(group.Key.Scenario)).Append("</h2>")
                .Append("<p class=\"env\">environment ").Append(group.Key.Key).Append(": ").Append(Encode(group.First().Environment.Describe())).Append("</p><div class=\"charts\">");
            foreach (var series in group)
            {
                html.Append(TrendChart.Render(series));
            }

            html.Append("</div>");
        }

        return html.Append("</body></html>").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
