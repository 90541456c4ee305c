using System.Globalization;
using System.Text;
using PerfTesting.Comparison;
using PerfTesting.Reporting.Model;
using PerfTesting.Tables;

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

        var slaLines = report.Runs.SelectMany(r => r.Sla).ToList();
        if (slaLines.Count > 0)
        {
            var failed = slaLines.Count(l => !l.Passed);
            md.Append(MarkdownTable.Render(RunTables.Sla(failed == 0 ? $"SLA: all {slaLines.Count} met" : $"SLA: {failed} of {slaLines.Count} broken", report.Runs, includeRun: true)));
        }

        if (report.Runs.Any(r => r.Baseline is not null))
        {
            md.Append(MarkdownTable.Render(RunTables.Baselines(report.Runs)));
            md.Append("One rule for every metric: Regressed or Improved needs a change beyond the tolerance and p < 0.01; beyond the tolerance without significance, or runs too short to test, is Inconclusive (latency: exceedance z-test on the HdrHistograms with seconds as clusters; throughput: Mann-Whitney U on per-second rates; errors: two-proportion z-test). A baseline from another environment is informational.\n\n");
        }

        md.Append(MarkdownTable.Render(RunTables.Latency(report.Runs)));
        var split = report.Runs.Where(r => r.Scenarios.Count > 1 || r.Scenarios.Any(s => s.Steps.Count > 0)).ToList();
        if (split.Count > 0)
        {
            md.Append(MarkdownTable.Render(RunTables.Scenarios("Scenarios and steps", split, includeRun: true)));
        }

        foreach (var table in report.Tables)
        {
            md.Append(MarkdownTable.Render(table));
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

    private static string Cell(string text) => MarkdownTable.Cell(text);
}
