using PerfTesting.Comparison;
using System.Globalization;
using System.Text;
using PerfTesting.Baselines;
using PerfTesting.Reporting.Model;

namespace PerfTesting.Reporting.Exporters;

/// <summary>
/// Markdown for GitHub (pull-request comments, job summaries): SLA lines with pass/fail, the baseline
/// comparison with direction and significance, a compact latency table, then findings and notes.
/// </summary>
public sealed class MarkdownReportExporter : IReportExporter
{
    private MarkdownReportExporter(bool includeFindings) => IncludeFindings = includeFindings;

    /// <summary>Everything: SLAs, baselines, latency, findings, notes.</summary>
    public static MarkdownReportExporter GitHub { get; } = new(includeFindings: true);

    /// <summary>SLAs, baselines and latency only, for space-constrained places.</summary>
    public static MarkdownReportExporter Compact { get; } = new(includeFindings: false);

    /// <summary>Whether analyser findings and notes are included.</summary>
    public bool IncludeFindings { get; }

    /// <inheritdoc />
    public string FileName => "report.md";

    /// <summary>Renders the report as Markdown text.</summary>
    /// <param name="report">The report.</param>
    /// <returns>GitHub-flavoured Markdown.</returns>
    public string Render(PerfReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.Append("## ").AppendLine(report.Title).AppendLine();
        md.Append("_").Append(report.Environment.CpuModel).Append(", ").Append(report.Environment.Cores).Append(" cores, ")
            .Append(report.Environment.Os).Append(", ").Append(report.Environment.Runtime)
            .Append(report.Environment.Commit is { } commit ? $", commit {commit[..Math.Min(12, commit.Length)]}" : string.Empty)
            .AppendLine("_").AppendLine();

        var slaRows = report.Runs.SelectMany(r => r.Sla.Select(s => (r.Name, Line: s))).ToList();
        if (slaRows.Count > 0)
        {
            var failed = slaRows.Count(r => !r.Line.Passed);
            md.Append("### SLA: ").AppendLine(failed == 0 ? $"all {slaRows.Count} met" : $"{failed} of {slaRows.Count} broken").AppendLine();
            md.AppendLine("| run | requirement | limit | actual | result |").AppendLine("|---|---|---:|---:|---|");
            foreach (var (run, line) in slaRows)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {Cell(run)} | {Cell(line.Description)} | {Cell(line.Limit)} | {Cell(line.Actual)} | {(line.Passed ? "✅ pass" : "❌ FAIL")} |");
            }

            md.AppendLine();
        }

        var compared = report.Runs.Where(r => r.Baseline is not null).ToList();
        if (compared.Count > 0)
        {
            md.AppendLine("### Baseline comparison").AppendLine();
            md.AppendLine("| run | metric | baseline | current | change | p-value | verdict |").AppendLine("|---|---|---:|---:|---:|---:|---|");
            foreach (var run in compared)
            {
                var baseline = run.Baseline!;
                if (baseline.Metrics.Count == 0)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"| {Cell(run.Name)} | – | – | – | – | – | {Status(baseline)} |");
                    continue;
                }

                foreach (var metric in baseline.Metrics)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"| {Cell(run.Name)} | {ComparisonTable.Label(metric.Metric)} | {ComparisonTable.Value(metric.Metric, metric.Baseline)} | "
                        + $"{ComparisonTable.Value(metric.Metric, metric.Current)} | {Arrow(metric)} {ComparisonTable.Change(metric)} | "
                        + $"{PValue(metric.PValue)} | {VerdictText(metric)}{(baseline.Status == BaselineStatus.NotComparable || baseline.Informational ? " (informational)" : string.Empty)} |");
                }
            }

            md.AppendLine().AppendLine("One rule for every metric: Regressed or Improved needs a change beyond the tolerance and p < 0.01; beyond the tolerance without significance, or runs too short to test, is Inconclusive (latency: exceedance z-test on the HdrHistograms with seconds as clusters; throughput: Mann-Whitney U on per-second rates; errors: two-proportion z-test). A baseline from another environment is informational.").AppendLine();
        }

        md.AppendLine("### Latency and throughput").AppendLine();
        md.AppendLine("| run | requests | errors | dropped | req/s | MB/s | p50 | p95 | p99 | max |").AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var run in report.Runs)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {Cell(run.Name)} | {ReportFormat.Count(run.Totals.Completed)} | {ReportFormat.Percent(run.ErrorRate)} | {ReportFormat.Count(run.Totals.Dropped)} | "
                + $"{ReportFormat.Rate(run.ThroughputPerSecond)} | {ReportFormat.MegabytesPerSecond(run.BytesPerSecond)} | {ReportFormat.Ms(run.Latency.P50)} | "
                + $"{ReportFormat.Ms(run.Latency.P95)} | {ReportFormat.Ms(run.Latency.P99)} | {ReportFormat.Ms(run.Latency.Max)} |");
        }

        md.AppendLine();
        ScenarioTable(md, report.Runs);
        foreach (var table in report.Tables)
        {
            AppendTable(md, table.Validate());
        }

        // A/B comparisons beside the runs: each with its verdict table and every round (collapsed).
        foreach (var comparison in report.Comparisons)
        {
            md.Append("### ").AppendLine(comparison.Title).AppendLine();
            md.AppendLine(ABComparisonTable.Markdown(comparison.Comparison));
        }

        if (IncludeFindings)
        {
            var findings = report.Runs.SelectMany(r => r.Findings.Select(f => (r.Name, Finding: f))).ToList();
            if (findings.Count > 0)
            {
                md.AppendLine("### Findings").AppendLine();
                foreach (var (run, finding) in findings)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"- **{finding.Severity}** ({Cell(run)}): {finding.Title}");
                    foreach (var evidence in finding.Evidence)
                    {
                        md.AppendLine(CultureInfo.InvariantCulture, $"  - {evidence}");
                    }
                }

                md.AppendLine();
            }

            foreach (var note in report.Notes)
            {
                md.Append("> ").AppendLine(note);
            }
        }

        return md.ToString();
    }

    /// <inheritdoc />
    public async ValueTask ExportAsync(PerfReport report, Stream output, CancellationToken cancellationToken = default)
    {
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Render(report));
        await output.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Appends the report to the file named by GITHUB_STEP_SUMMARY, when that is set.</summary>
    /// <param name="report">The report.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>True when it was written.</returns>
    public async Task<bool> AppendToGitHubStepSummaryAsync(PerfReport report, CancellationToken cancellationToken = default)
    {
        if (System.Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is not { Length: > 0 } path)
        {
            return false;
        }

        await File.AppendAllTextAsync(path, Render(report) + "\n", cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static void ScenarioTable(StringBuilder md, IReadOnlyList<RunReport> runs)
    {
        var split = runs.Where(r => r.Scenarios.Count > 1 || r.Scenarios.Any(s => s.Steps.Count > 0)).ToList();
        if (split.Count == 0)
        {
            return;
        }

        md.AppendLine("### Scenarios and steps").AppendLine();
        md.AppendLine("| run | scenario | requests | errors | req/s | p50 | p95 | p99 | max | errors by kind |").AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var run in split)
        {
            // A scenario's steps follow it as "scenario / step" rows.
            foreach (var (label, scenario) in run.Scenarios.SelectMany(s => s.Steps.Select(step => ($"{s.Name} / {step.Name}", step)).Prepend((s.Name, s))))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {Cell(run.Name)} | {Cell(label)} | {ReportFormat.Count(scenario.Totals.Completed)} | {ReportFormat.Percent(scenario.ErrorRate)} | "
                    + $"{ReportFormat.Rate(scenario.ThroughputPerSecond)} | {ReportFormat.Ms(scenario.Latency.P50)} | {ReportFormat.Ms(scenario.Latency.P95)} | "
                    + $"{ReportFormat.Ms(scenario.Latency.P99)} | {ReportFormat.Ms(scenario.Latency.Max)} | {Cell(ErrorKinds(scenario.ErrorsByKind))} |");
            }
        }

        md.AppendLine();
    }

    private static void AppendTable(StringBuilder md, ReportTable table)
    {
        md.AppendLine(CultureInfo.InvariantCulture, $"### {table.Title}").AppendLine();
        if (table.Description is { Length: > 0 } description)
        {
            md.AppendLine(description).AppendLine();
        }

        md.Append("| ").AppendJoin(" | ", table.Columns.Select(Cell)).AppendLine(" |");
        md.Append('|').AppendJoin('|', table.Columns.Select((_, i) => i == 0 ? "---" : "---:")).AppendLine("|");
        foreach (var row in table.Rows)
        {
            md.Append("| ").AppendJoin(" | ", row.Select(Cell)).AppendLine(" |");
        }

        md.AppendLine();
    }

    private static string ErrorKinds(IReadOnlyDictionary<string, long> errors) =>
        errors.Count == 0 ? "–" : string.Join(", ", errors.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}: {ReportFormat.Count(e.Value)}"));

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static string Arrow(MetricComparison metric) => metric.Change switch
    {
        > 0 => "▲",
        < 0 => "▼",
        _ => "＝",
    };

    private static string VerdictText(MetricComparison metric) => metric.Verdict switch
    {
        Verdict.Regressed => "❌ Regressed",
        Verdict.Improved => "🚀 Improved",
        Verdict.Inconclusive => $"❔ Inconclusive: {Cell(metric.Reason)}",
        _ => "✅ Same",
    };

    private static string PValue(double p) => double.IsNaN(p) ? "n/a" : p < 0.0001 ? "<0.0001" : ReportFormat.Number(p, "0.0000");

    private static string Status(BaselineReport baseline) => baseline.Status switch
    {
        BaselineStatus.Missing => $"⚠️ no baseline ({baseline.Note})",
        BaselineStatus.NotComparable => $"⚠️ not comparable: {baseline.Note}",
        BaselineStatus.Accepted => "📌 accepted as the new baseline",
        _ => baseline.Overall?.ToString() ?? "–",
    };
}
