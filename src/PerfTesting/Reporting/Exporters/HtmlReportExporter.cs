using System.Globalization;
using System.Net;
using System.Text;
using PerfTesting.Reporting.Charts;
using PerfTesting.Reporting.Model;

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
        table{border-collapse:collapse;margin:8px 0 16px;font-size:13px;display:block;max-width:100%;overflow-x:auto}th,td{border:1px solid #ddd;padding:4px 6px;text-align:right}
        td:first-child{max-width:280px;overflow-wrap:anywhere}
        th{background:#f4f6f8}td:first-child,th:first-child{text-align:left}.pass{color:#18794e;font-weight:600}.fail{color:#c62828;font-weight:600}
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
        html.Append("<title>").Append(E(report.Title)).Append("</title><style>").Append(Style).Append("</style></head><body>");
        html.Append("<h1>").Append(E(report.Title)).Append("</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(report.Environment.CpuModel)}, {report.Environment.Cores} cores, {E(report.Environment.Os)}, {E(report.Environment.Runtime)}{(report.Environment.Commit is { } c ? $", commit {E(c)}" : string.Empty)}. Generated {report.GeneratedAt.ToString("u", CultureInfo.InvariantCulture)}.</p>");
        foreach (var note in report.Notes)
        {
            html.Append("<p class=\"note\">").Append(E(note)).Append("</p>");
        }

        SummaryTable(html, report.Runs);
        foreach (var table in report.Tables)
        {
            Table(html, table.Validate());
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

    private static void Table(StringBuilder html, ReportTable table)
    {
        html.Append("<h2>").Append(E(table.Title)).Append("</h2>");
        if (table.Description is { Length: > 0 } description)
        {
            html.Append("<p class=\"note\">").Append(E(description)).Append("</p>");
        }

        html.Append("<table><tr>");
        foreach (var column in table.Columns)
        {
            html.Append("<th>").Append(E(column)).Append("</th>");
        }

        html.Append("</tr>");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(E(cell)).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table>");
    }

    private static void SummaryTable(StringBuilder html, IReadOnlyList<RunReport> runs)
    {
        html.Append("<h2>Summary</h2><table><tr><th>run</th><th>requests</th><th>errors</th><th>dropped</th><th>req/s</th><th>MB/s</th><th>mean</th><th>p50</th><th>p95</th><th>p99</th><th>p99.9</th><th>max</th><th>SLA</th><th>baseline</th></tr>");
        foreach (var run in runs)
        {
            var sla = run.Sla.Count == 0 ? "–" : run.Sla.All(s => s.Passed) ? "<span class=\"pass\">met</span>" : "<span class=\"fail\">broken</span>";
            var baseline = run.Baseline?.Overall?.ToString() ?? run.Baseline?.Status.ToString() ?? "–";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"#{Anchor(run.Name)}\">{E(run.Name)}</a></td><td>{ReportFormat.Count(run.Totals.Completed)}</td><td>{ReportFormat.Percent(run.ErrorRate)}</td><td>{ReportFormat.Count(run.Totals.Dropped)}</td><td>{ReportFormat.Rate(run.ThroughputPerSecond)}</td><td>{ReportFormat.MegabytesPerSecond(run.BytesPerSecond)}</td><td>{ReportFormat.Ms(run.Latency.Mean)}</td><td>{ReportFormat.Ms(run.Latency.P50)}</td><td>{ReportFormat.Ms(run.Latency.P95)}</td><td>{ReportFormat.Ms(run.Latency.P99)}</td><td>{ReportFormat.Ms(run.Latency.P999)}</td><td>{ReportFormat.Ms(run.Latency.Max)}</td><td>{sla}</td><td>{E(baseline)}</td></tr>");
        }

        html.Append("</table>");
    }

    private static void RunSection(StringBuilder html, RunReport run)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"{Anchor(run.Name)}\">{E(run.Name)}</h2><p>{E(run.Description)}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{ReportFormat.Count(run.Totals.Started)} started, {ReportFormat.Count(run.Totals.Succeeded)} succeeded, {ReportFormat.Count(run.Totals.Failed)} failed, {ReportFormat.Count(run.Totals.Dropped)} dropped, {ReportFormat.Number(run.Totals.Bytes / 1e6, "0.0")} MB in {ReportFormat.Number(run.DurationSeconds, "0.0")} s; latency min {ReportFormat.Ms(run.Latency.Min)}, mean {ReportFormat.Ms(run.Latency.Mean)} ± {ReportFormat.Ms(run.Latency.StdDev)}, p75 {ReportFormat.Ms(run.Latency.P75)}, p90 {ReportFormat.Ms(run.Latency.P90)}.</p>");
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
        html.Append("</div>");
        if (partial.Count > 0)
        {
            var fraction = run.DurationSeconds - Math.Floor(run.DurationSeconds);
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">The run's last {ReportFormat.Number(fraction, "0.00")} s (a partial second: {ReportFormat.Count(partial.Sum(s => s.Requests))} requests, {ReportFormat.Count(partial.Sum(s => s.Errors))} errors) is counted in every total but not drawn in the per-second throughput and error charts.</p>");
        }
        ScenarioSection(html, run);

        if (run.Sla.Count > 0)
        {
            html.Append("<h3>SLA</h3><table><tr><th>requirement</th><th>limit</th><th>actual</th><th>result</th></tr>");
            foreach (var line in run.Sla)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(line.Description)}</td><td>{E(line.Limit)}</td><td>{E(line.Actual)}</td><td class=\"{(line.Passed ? "pass" : "fail")}\">{(line.Passed ? "pass" : "FAIL")}</td></tr>");
            }

            html.Append("</table>");
        }

        if (run.Baseline is { } baseline)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3>Baseline{(baseline.Informational ? " (informational)" : string.Empty)}: {E(baseline.Overall?.ToString() ?? baseline.Status.ToString())}</h3>");
            if (baseline.Note is not null)
            {
                html.Append("<p class=\"note\">").Append(E(baseline.Note)).Append("</p>");
            }

            if (baseline.Metrics.Count > 0)
            {
                html.Append("<table><tr><th>metric</th><th>baseline</th><th>current</th><th>change</th><th>tolerance</th><th>p-value</th><th>test</th><th>verdict</th></tr>");
                foreach (var m in baseline.Metrics)
                {
                    var css = m.Verdict == global::PerfTesting.Comparison.Verdict.Regressed ? "fail" : m.Verdict == global::PerfTesting.Comparison.Verdict.Improved ? "pass" : string.Empty;
                    html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(Baselines.ComparisonTable.Label(m.Metric))}</td><td>{E(Baselines.ComparisonTable.Value(m.Metric, m.Baseline))}</td><td>{E(Baselines.ComparisonTable.Value(m.Metric, m.Current))}</td><td>{E(Baselines.ComparisonTable.Change(m))}</td><td>{ReportFormat.Number(m.Tolerance * 100, "0.#")}{(m.Metric == Baselines.BaselineMetric.ErrorRate ? " pp" : "%")}</td><td>{(double.IsNaN(m.PValue) ? "n/a" : m.PValue < 0.0001 ? "&lt;0.0001" : ReportFormat.Number(m.PValue, "0.0000"))}</td><td>{E(m.Test)}</td><td class=\"{css}\" title=\"{E(m.Reason)}\">{m.Verdict}{(m.Verdict == global::PerfTesting.Comparison.Verdict.Inconclusive ? ": " + E(m.Reason) : string.Empty)}</td></tr>");
                }

                html.Append("</table>");
            }
        }

        if (run.ErrorsByKind.Count > 0)
        {
            html.Append("<h3>Errors by kind</h3><table><tr><th>kind</th><th>count</th></tr>");
            foreach (var (kind, count) in run.ErrorsByKind.OrderByDescending(e => e.Value))
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(kind)}</td><td>{ReportFormat.Count(count)}</td></tr>");
            }

            html.Append("</table>");
        }

        if (run.WhiteBox.Count > 0)
        {
            html.Append("<h3>Service instruments (white-box)</h3><table><tr><th>instrument</th><th>unit</th><th>kind</th><th>count</th><th>mean</th><th>p50</th><th>p99</th><th>max</th><th>sum</th></tr>");
            foreach (var i in run.WhiteBox)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(i.Name)}</td><td>{E(i.Unit)}</td><td>{E(i.Kind)}</td><td>{ReportFormat.Count(i.Count)}</td><td>{N(i.Mean)}</td><td>{(i.P50 is { } p50 ? N(p50) : "–")}</td><td>{(i.P99 is { } p99 ? N(p99) : "–")}</td><td>{N(i.Max)}</td><td>{N(i.Sum)}</td></tr>");
            }

            html.Append("</table>");
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

    private static void ScenarioSection(StringBuilder html, RunReport run)
    {
        if (run.Scenarios.Count <= 1 && run.Scenarios.All(s => s.Steps.Count == 0))
        {
            return;
        }

        html.Append("<h3>Scenarios and steps</h3><table><tr><th>scenario / step</th><th>requests</th><th>errors</th><th>req/s</th><th>mean</th><th>p50</th><th>p95</th><th>p99</th><th>max</th><th>errors by kind</th></tr>");
        foreach (var s in run.Scenarios.SelectMany(s => s.Steps.Select(step => step with { Name = $"{s.Name} / {step.Name}" }).Prepend(s)))
        {
            var kinds = s.ErrorsByKind.Count == 0 ? "–" : string.Join(", ", s.ErrorsByKind.OrderByDescending(e => e.Value).Select(e => $"{e.Key}: {ReportFormat.Count(e.Value)}"));
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(s.Name)}</td><td>{ReportFormat.Count(s.Totals.Completed)}</td><td>{ReportFormat.Percent(s.ErrorRate)}</td><td>{ReportFormat.Rate(s.ThroughputPerSecond)}</td><td>{ReportFormat.Ms(s.Latency.Mean)}</td><td>{ReportFormat.Ms(s.Latency.P50)}</td><td>{ReportFormat.Ms(s.Latency.P95)}</td><td>{ReportFormat.Ms(s.Latency.P99)}</td><td>{ReportFormat.Ms(s.Latency.Max)}</td><td>{E(kinds)}</td></tr>");
        }

        html.Append("</table>");
        if (run.Scenarios.Count <= 1)
        {
            return;
        }

        html.Append("<div class=\"charts\">");
        var names = run.Scenarios.Select(s => s.Name).ToList();
        html.Append(BarChart.Render("Latency by scenario", "ms", names,
            [("p50", run.Scenarios.Select(s => s.Latency.P50).ToList()), ("p95", run.Scenarios.Select(s => s.Latency.P95).ToList()), ("p99", run.Scenarios.Select(s => s.Latency.P99).ToList())]));
        html.Append(BarChart.Render("Throughput by scenario", "requests/s", names, [("requests/s", run.Scenarios.Select(s => s.ThroughputPerSecond).ToList())]));
        html.Append("</div>");
    }

    private static string N(double value) => ReportFormat.Number(value, Math.Abs(value) < 100 ? "0.###" : "#,0");

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Anchor(string name) => "run-" + new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]);
}
