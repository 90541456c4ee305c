using PerfTesting.Baselines;
using PerfTesting.History.Records;
using PerfTesting.Reporting.Model;

namespace Tests.Unit.History;

public sealed class HistoryRecordsTests
{
    private static readonly EnvironmentFingerprint Machine = new("Test CPU", 2, "Linux 6.1", ".NET 10.0.12", "ignored");

    [Fact]
    public void FromReport_OneRecordPerRun_WithItsFiguresAndTheProfileInTheEnvironment()
    {
        var run = RunReports.From(Tests.Unit.TestRuns.Result(990, 10, latencyMs: 12, name: "download"));
        var report = new PerfReport("t", DateTimeOffset.UnixEpoch, Machine, [run], ["first note", "profile=full; models=500"]);

        var record = Assert.Single(HistoryRecords.FromReport(report, "abc", "main", "Release"));

        Assert.Equal(("abc", "main", "download", 1000L, 0.01), (record.Commit, record.Branch, record.Scenario, record.Requests, record.ErrorRate));
        Assert.Equal((run.Latency.P50, run.Latency.P95, run.Latency.P99, run.ThroughputPerSecond), (record.P50Ms, record.P95Ms, record.P99Ms, record.ThroughputPerSecond));
        Assert.Equal(run.Histogram, record.Histogram);
        Assert.Equal(new HistoryEnvironment("Test CPU", 2, "Linux 6.1", ".NET 10.0.12", "Release", "full"), record.Environment);
    }

    [Fact]
    public void FromReport_AMixOfScenarios_AlsoRecordsEachScenario()
    {
        var totals = new RequestTotals(100, 100, 0, 0, 0);
        var latency = new LatencySummary(1, 2, 0.5, 2, 2.5, 3, 3.5, 4, 5, 6);
        var run = RunReports.From(Tests.Unit.TestRuns.Result(200, 0, name: "mix")) with { };
        run = run with { Scenarios = [new ScenarioReport("browse", totals, 10, latency, new Dictionary<string, long>()), new ScenarioReport("download", totals, 10, latency with { P50 = 7 }, new Dictionary<string, long>())] };
        var report = new PerfReport("t", DateTimeOffset.UnixEpoch, Machine, [run], []);

        var records = HistoryRecords.FromReport(report, "abc", "main", "Release");

        Assert.Equal(["mix", "mix/browse", "mix/download"], records.Select(r => r.Scenario));
        Assert.Equal(7, records[2].P50Ms);
        Assert.Equal("", records[0].Environment.Profile);
    }

    [Fact]
    public void EnvironmentKey_ChangesWithTheConfiguration_AndIsStable()
    {
        var release = new HistoryEnvironment("cpu", 2, "os", "rt", "Release", "ci");

        Assert.Equal(release.Key, (release with { }).Key);
        Assert.NotEqual(release.Key, (release with { Configuration = "Debug" }).Key);
        Assert.Matches("^[0-9a-f]{12}$", release.Key);
    }
}
