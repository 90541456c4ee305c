using System.Globalization;
using PerfTesting.Measurement;
using PerfTesting.Reporting.Exporters;
using PerfTesting.Tables;

namespace PerfTesting.Reporting;

/// <summary>A short plain-text summary of a run: one line of totals, then one row per scenario.</summary>
public static class RunSummary
{
    /// <summary>Renders the summary.</summary>
    /// <param name="result">The run.</param>
    /// <returns>Lines of text; numbers in the invariant culture.</returns>
    public static string ToTable(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var title = string.Create(CultureInfo.InvariantCulture,
            $"Run '{result.Name}'{(result.Cancelled ? " (cancelled, partial)" : string.Empty)}: {result.Duration.TotalSeconds:0.00} s, {ReportFormat.Count(result.Totals.Completed)} requests, "
            + $"{ReportFormat.Rate(result.RequestsPerSecond)}, errors {ReportFormat.Percent(result.ErrorRate)}, dropped {ReportFormat.Count(result.Totals.Dropped)}");
        return TextTable.Render(new ReportTable(title, null, ["scenario", "requests", "req/s", "errors", "p50", "p95", "p99", "max"], [.. Rows(result)]));
    }

    private static IEnumerable<string[]> Rows(RunResult result)
    {
        var window = result.Duration.TotalSeconds;
        foreach (var s in result.Scenarios)
        {
            yield return Row(s.Name, s.Totals, window <= 0 ? 0 : s.Totals.Completed / window, s.Latency);
            foreach (var step in s.Steps)
            {
                yield return Row($"{s.Name} / {step.Name}", step.Totals, window <= 0 ? 0 : step.Totals.Completed / window, step.Latency);
            }
        }

        if (result.Scenarios.Count > 1)
        {
            yield return Row("(all)", result.Totals, result.RequestsPerSecond, result.Latency);
        }
    }

    private static string[] Row(string name, RunTotals totals, double rate, LatencyStats latency) =>
    [
        name,
        ReportFormat.Count(totals.Completed),
        ReportFormat.Rate(rate),
        ReportFormat.Percent(totals.ErrorRate),
        ReportFormat.Ms(latency.P50),
        ReportFormat.Ms(latency.P95),
        ReportFormat.Ms(latency.P99),
        ReportFormat.Ms(latency.Max),
    ];
}
