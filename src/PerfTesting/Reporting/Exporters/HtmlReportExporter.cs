using System.Globalization;
using System.Net;
using System.Text;
using PerfTesting.Reporting.Charts;
using PerfTesting.Reporting.Model;
using PerfTesting.Tables;

namespace PerfTesting.Reporting.Exporters;

/// <summary>
/// One self-contained HTML file: inline CSS and inline SVG charts, no scripts and no network, so it
/// opens the same from a CI artifact, an e-mail or a laptop offline.
/// </summary>
public sealed class HtmlReportExporter : IReportExporter
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px auto;max-width:1180px;color:#222;padding:0 16px}
        h1{font-size:24px}h2{font-size:19px;margin-top:36px;border-bottom:1px solid #ddd;padding-bottom:4px}h3{font-size:16px}
        .charts{display:flex;flex-wrap:wrap;gap:12px}.chart{border:1px solid #eee;max-width:100%;height:auto}.note{color:#555;font-size:13px}
        .finding{margin:6px 0}.Warning{color:#a15c00}.Error{color:#c62828}.Hint{color:#345}
        """;

    private HtmlReportExporter()
    {
    }

    /// <summary>The full report.</summary>
    public static HtmlReportExporter Default { get; } = new();

    /// <inheritdoc />
    public string FileName => "report.html";

    /// <summary>Renders the report as an HTML document.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The document.</returns>
    public static string Render(PerfReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
        html.Append("<title>").Append(E(report.Title)).Append("</title><style>").Append(Style).Append(HtmlTable.Css).Append("</style></head><body>");
        html.Append("<h1>").Append(E(report.Title)).Append("</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(report.Environment.CpuModel)}, {report.Environment.Cores} cores, {E(report.Environment.Os)}, {E(report.Environment.Runtime)}{(report.Environment.Commit is { } c ? $", commit {E(c)}" : string.Empty)}. Generated {report.GeneratedAt.ToString("u", CultureInfo.InvariantCulture)}.</p>");
        foreach (var note in report.Notes)
        {
            html.Append("<p class=\"note\">").Append(E(note)).Append("</p>");
        }

        html.Append(HtmlTable.Render(RunTables.Summary(report.Runs)));
        foreach (var table in report.Tables)
        {
            html.Append(HtmlTable.Render(table));
        }

        if (report.Runs.Count > 1)
        {
            html.Append("<h2>Runs side by side</h2><div class=\"charts\">");
            var names = report.Runs.Select(r => r.Name).ToList();
            html.Append(BarChart.Render("Latency by run", "ms", names,
                [("p50", report.Runs.Select(r => r.Latency.P50).ToList()), ("p95", report.Runs.Select(r => r.Latency.P95).ToList()), ("p99", report.Runs.Select(r => r.Latency.P99).ToList())]));
            html.Append(BarChart.Render("Throughput by run", "requests/s", names, [("requests/s", report.Runs.Select(r => r.ThroughputPerSecond).ToList())]));
            html.Append("</div>");
        }

        foreach (var run in report.Runs)
        {
            RunSection(html, run);
        }

        html.Append("</body></html>\n");
        return html.ToString();
    }

    /// <inheritdoc />
    public async ValueTask ExportAsync(PerfReport report, Stream output, CancellationToken cancellationToken = default)
    {
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Render(report));
        await output.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    private static void RunSection(StringBuilder html, RunReport run)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"{RunTables.Anchor(run.Name)}\">{E(run.Name)}</h2><p>{E(run.Description)}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{ReportFormat.Count(run.Totals.Started)} started, {ReportFormat.Count(run.Totals.Succeeded)} succeeded, {ReportFormat.Count(run.Totals.Failed)} failed, {ReportFormat.Count(run.Totals.Dropped)} dropped, {ReportFormat.Number(run.Totals.Bytes / 1e6, "0.0")} MB in {ReportFormat.Number(run.DurationSeconds, "0.0")} s; latency min {ReportFormat.Ms(run.Latency.Min)}, mean {ReportFormat.Ms(run.Latency.Mean)} ± {ReportFormat.Ms(run.Latency.StdDev)}, p75 {ReportFormat.Ms(run.Latency.P75)}, p90 {ReportFormat.Ms(run.Latency.P90)}.</p>");
        RunCharts.Append(html, run);
        foreach (var table in RunTables.Of(run))
        {
            html.Append(HtmlTable.Render(table, "h3"));
        }

        if (run.Findings.Count > 0)
        {
            html.Append("<h3>Findings</h3>");
            foreach (var finding in run.Findings)
            {
                html.Append(CultureInfo.InvariantCulture, $"<div class=\"finding\"><strong class=\"{E(finding.Severity)}\">{E(finding.Severity)}</strong>: {E(finding.Title)}<ul>");
                foreach (var evidence in finding.Evidence)
                {
                    html.Append("<li>").Append(E(evidence)).Append("</li>");
                }

                html.Append("</ul></div>");
            }
        }
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
