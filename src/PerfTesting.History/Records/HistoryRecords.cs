using PerfTesting.Reporting.Model;

namespace PerfTesting.History.Records;

/// <summary>Turns a report (results.json) into history records.</summary>
public static class HistoryRecords
{
    /// <summary>
    /// One record per run, plus one per scenario when a run mixes several scenarios (named run/scenario),
    /// so a mix whose parts move in opposite directions still shows each part's trend.
    /// </summary>
    /// <param name="report">The report read from results.json.</param>
    /// <param name="commit">The commit measured.</param>
    /// <param name="branch">The branch measured.</param>
    /// <param name="configuration">The build configuration measured.</param>
    /// <returns>The records, in the report's order.</returns>
    public static IReadOnlyList<HistoryRecord> FromReport(PerfReport report, string commit, string branch, string configuration)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(commit);
        ArgumentException.ThrowIfNullOrWhiteSpace(branch);
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        var environment = HistoryEnvironment.From(report.Environment, configuration, ProfileOf(report));
        var records = new List<HistoryRecord>();
        foreach (var run in report.Runs)
        {
            records.Add(new HistoryRecord(commit, branch, run.StartedAt, run.Name, environment,
                run.Latency.P50, run.Latency.P95, run.Latency.P99, run.ThroughputPerSecond, run.ErrorRate,
                run.Totals.Completed, run.Histogram));
            if (run.Scenarios.Count < 2)
            {
                continue;
            }

            foreach (var scenario in run.Scenarios)
            {
                records.Add(new HistoryRecord(commit, branch, run.StartedAt, $"{run.Name}/{scenario.Name}", environment,
                    scenario.Latency.P50, scenario.Latency.P95, scenario.Latency.P99, scenario.ThroughputPerSecond, scenario.ErrorRate,
                    scenario.Totals.Completed, Histogram: null));
            }
        }

        return records;
    }

    /// <summary>The workload profile from a note that starts with <c>profile=NAME</c> (the perf track writes one), or an empty string.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The profile's name.</returns>
    public static string ProfileOf(PerfReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var note = report.Notes.FirstOrDefault(n => n.StartsWith("profile=", StringComparison.Ordinal));
        return note is null ? "" : note["profile=".Length..].Split([';', ' ', ','], 2)[0];
    }
}
