namespace PerfTesting.Reporting;

/// <summary>What <see cref="RunReportFiles.WriteAsync"/> wrote.</summary>
/// <param name="Directory">The report folder (full path).</param>
/// <param name="Files">Every file written, in the order written.</param>
/// <param name="AppendedToStepSummary">True when the Markdown was appended to <c>GITHUB_STEP_SUMMARY</c>.</param>
public sealed record ReportFiles(string Directory, IReadOnlyList<string> Files, bool AppendedToStepSummary)
{
    /// <summary>The HTML report's path (open it in a browser).</summary>
    public string Html => Path.Combine(Directory, "report.html");

    /// <summary>The Markdown report's path.</summary>
    public string Markdown => Path.Combine(Directory, "report.md");
}
