using PerfTesting.Comparison;
using PerfTesting.Reporting.Comparison;
using PerfTesting.Xunit.Assertions;
using PerfTesting.Xunit.Baselines;
using Xunit;

namespace PerfTesting.Xunit.Comparison;

/// <summary>
/// Turns an A/B comparison into a test result: the table goes to the test output, and Regressed (only
/// Regressed: Same, Improved and Inconclusive pass) fails the test with the table as its message.
/// </summary>
public static class ABAssert
{
    /// <summary>Fails the test when any metric of <paramref name="comparison"/> regressed.</summary>
    /// <param name="comparison">A finished comparison.</param>
    public static void NoRegression(ABComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var table = ABComparisonTable.Render(comparison);
        TestContext.Current.TestOutputHelper?.WriteLine(table);
        if (comparison.Overall == Verdict.Regressed)
        {
            throw new ABRegressionException(table);
        }
    }

    /// <summary>
    /// Writes the A/B report (report.md, report.html, results.json) into
    /// <c><paramref name="reportFolder"/>/NAME/</c> under the test project (NAME: the comparison's name as a file name),
    /// then fails the test when any metric regressed, with the table and the report's path in the message.
    /// </summary>
    /// <param name="comparison">A finished comparison.</param>
    /// <param name="workload">The workload each run applied, in a sentence (the report's "Workload" line).</param>
    /// <param name="reportFolder">Relative to the test project's folder, or absolute.</param>
    /// <returns>The folder the report was written to.</returns>
    public static async Task<string> NoRegressionAsync(ABComparison comparison, string workload, string reportFolder = PerfCheckOptions.DefaultReportFolder)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var folder = Path.Combine(PerfTesting.Baselines.ProjectDirectory.Resolve(reportFolder), BaselineAssert.BaselineName(comparison.Name));
        await ABReportWriter.WriteAsync(ABReport.For(comparison, workload), folder, TestContext.Current.CancellationToken).ConfigureAwait(false);
        var table = ABComparisonTable.Render(comparison) + "Report: " + Path.Combine(folder, "report.html");
        TestContext.Current.TestOutputHelper?.WriteLine(table);
        if (comparison.Overall == Verdict.Regressed)
        {
            throw new ABRegressionException(table);
        }

        return folder;
    }

    /// <summary>Fails the test unless the overall verdict is <paramref name="expected"/> (for a test that checks an optimisation is Improved, say).</summary>
    /// <param name="comparison">A finished comparison.</param>
    /// <param name="expected">The verdict the test expects.</param>
    public static void HasVerdict(ABComparison comparison, Verdict expected)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var table = ABComparisonTable.Render(comparison);
        TestContext.Current.TestOutputHelper?.WriteLine(table);
        if (comparison.Overall != expected)
        {
            throw new ABRegressionException($"Expected {expected}, got {comparison.Overall}.{System.Environment.NewLine}{table}");
        }
    }
}
