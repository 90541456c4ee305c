using System.Globalization;
using System.Text;
using PerfTesting.Reporting.Charts;
using PerfTesting.Reporting.Model;

namespace PerfTesting.Reporting.Exporters;

/// <summary>A run's charts in the HTML report: latency by percentile and over time, throughput and errors over time, and its scenarios side by side.</summary>
internal static class RunCharts
{
    public static void Append(StringBuilder html, RunReport run)
    {
        html.Append("<div class=\"charts\">");
        html.Append(LineChart.Render("Latency by percentile", "percentile", "ms",
            [new ChartSeries("latency", [.. run.PercentileCurve.Select(p => new ChartPoint(p.Percentile, p.LatencyMs))])], XAxisKind.Percentile));
        html.Append(LineChart.Render("Latency over time", "second", "ms",
            [new ChartSeries("p50", [.. run.Series.Select(s => new ChartPoint(s.Second, s.P50Ms))]), new ChartSeries("p99", [.. run.Series.Select(s => new ChartPoint(s.Second, s.P99Ms))])]));
        // A last second cut short by the end of the run holds a fraction of a second's requests: drawn as a
        // per-second rate it would read as a throughput drop, so it is left out of the rate charts and said so.
        var whole = run.Series.Where(s => s.Second + 1 <= run.DurationSeconds + 1e-6).ToList();
        var partial = run.Series.Where(s => s.Second + 1 > run.DurationSeconds + 1e-6).ToList();
        html.Append(LineChart.Render("Throughput over time", "second", "requests/s",
            [new ChartSeries("requests/s", [.. whole.Select(s => new ChartPoint(s.Second, s.Requests))])]));
        html.Append(LineChart.Render("Errors over time", "second", "errors/s",
            [new ChartSeries("errors/s", [.. whole.Select(s => new ChartPoint(s.Second, s.Errors))])]));
        if (run.Scenarios.Count > 1)
        {
            var names = run.Scenarios.Select(s => s.Name).ToList();
            html.Append(BarChart.Render("Latency by scenario", "ms", names,
                [("p50", run.Scenarios.Select(s => s.Latency.P50).ToList()), ("p95", run.Scenarios.Select(s => s.Latency.P95).ToList()), ("p99", run.Scenarios.Select(s => s.Latency.P99).ToList())]));
            html.Append(BarChart.Render("Throughput by scenario", "requests/s", names, [("requests/s", run.Scenarios.Select(s => s.ThroughputPerSecond).ToList())]));
        }

        html.Append("</div>");
        if (partial.Count > 0)
        {
            var fraction = run.DurationSeconds - Math.Floor(run.DurationSeconds);
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">The run's last {ReportFormat.Number(fraction, "0.00")} s (a partial second: {ReportFormat.Count(partial.Sum(s => s.Requests))} requests, {ReportFormat.Count(partial.Sum(s => s.Errors))} errors) is counted in every total but not drawn in the per-second throughput and error charts.</p>");
        }
    }
}
