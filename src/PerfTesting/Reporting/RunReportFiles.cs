using PerfTesting.Analysis;
using PerfTesting.Assertions;
using PerfTesting.Baselines;
using PerfTesting.Measurement;
using PerfTesting.Reporting.Exporters;
using PerfTesting.Reporting.Model;

namespace PerfTesting.Reporting;

/// <summary>
/// Every report of one run in one call: <c>results.json</c>, <c>report.md</c>, <c>report.html</c> and
/// <c>histogram.hlog</c> (<see cref="ReportWriter.All"/>) with the run's per-scenario tables, its SLA
/// lines, baseline comparison and findings when given; and the Markdown appended to the file named by
/// <c>GITHUB_STEP_SUMMARY</c> when that variable is set (a GitHub Actions job summary).
/// </summary>
public static class RunReportFiles
{
    /// <summary>Writes every format for <paramref name="result"/> into <paramref name="directory"/>.</summary>
    /// <param name="result">The run.</param>
    /// <param name="directory">The folder, created if needed; relative paths resolve against the test project's folder (<see cref="ProjectDirectory"/>).</param>
    /// <param name="sla">The SLA evaluation, if any.</param>
    /// <param name="baseline">The baseline check, if any.</param>
    /// <param name="findings">Analyser findings, if any.</param>
    /// <param name="time">Dates the report; the system clock when null.</param>
    /// <param name="cancellationToken">Stops the writes.</param>
    /// <returns>The files written (the step summary not included).</returns>
    public static async Task<ReportFiles> WriteAsync(
        RunResult result,
        string directory,
        SlaReport? sla = null,
        BaselineOutcome? baseline = null,
        IEnumerable<Finding>? findings = null,
        TimeProvider? time = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var report = new PerfReport(
            result.Name,
            (time ?? TimeProvider.System).GetUtcNow(),
            EnvironmentFingerprint.Capture(),
            [RunReports.From(result, sla: sla, baseline: baseline, findings: findings)],
            result.Cancelled ? ["The run was cancelled before its end; the figures are partial."] : []);
        var folder = ProjectDirectory.Resolve(directory);
        var written = await ReportWriter.All.WriteAsync(report, folder, cancellationToken).ConfigureAwait(false);
        var summary = await MarkdownReportExporter.GitHub.AppendToGitHubStepSummaryAsync(report, cancellationToken).ConfigureAwait(false);
        return new ReportFiles(folder, written, summary);
    }
}
