using PerfTesting.Baselines;
using PerfTesting.Reporting;
using PerfTesting.Xunit.Assertions;
using PerfTesting.Xunit.Load;
using PerfTesting.Load;

namespace Tests.Unit.XunitGlue;

public sealed class PerfAssertTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("perf-assert-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task PassesAsync_SlaBroken_WritesEveryReportThenFailsWithTheTableAndThePath()
    {
        var run = TestRuns.Result(succeeded: 90, failed: 10, name: "Search test") with
        {
            ErrorsByKind = new Dictionary<string, long> { ["status 500"] = 10 },
        };

        var failure = await Assert.ThrowsAsync<PerfCheckFailedException>(() => PerfAssert.PassesAsync(
            run, sla => sla.ErrorRate(below: 0.01), new PerfCheckOptions { ReportFolder = _directory }));

        var folder = Path.Combine(_directory, "Search-test");
        Assert.Contains("10% (status 500: 10)", failure.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(folder, "report.html"), failure.Message, StringComparison.Ordinal);
        Assert.Equal(["histogram.hlog", "report.html", "report.md", "results.json"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("FAIL", await File.ReadAllTextAsync(Path.Combine(folder, "report.md"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PassesAsync_MissingBaseline_FailsAndWritesTheReceivedFile()
    {
        var store = new BaselineStore(Path.Combine(_directory, "Baselines"));

        var failure = await Assert.ThrowsAsync<PerfCheckFailedException>(() => PerfAssert.PassesAsync(
            TestRuns.Result(succeeded: 100, failed: 0, name: "home"), sla => sla.ErrorRate(below: 0.01),
            new PerfCheckOptions { Baseline = true, BaselineStore = store, ReportFolder = null }));

        Assert.StartsWith("Performance check of 'home' failed: no baseline is committed (the SLA was met).", failure.Message, StringComparison.Ordinal);
        Assert.Contains("none committed", failure.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(store.ReceivedPath("home")));
    }

    [Fact]
    public async Task PassesAsync_Met_ReturnsTheCheck()
    {
        var check = await PerfAssert.PassesAsync(
            TestRuns.Result(succeeded: 100, failed: 0), sla => sla.ErrorRate(below: 0.01), new PerfCheckOptions { ReportFolder = null });

        Assert.True(check.Passed);
        Assert.Null(check.Reports);
    }

    [Theory]
    [InlineData(true, false, 1.0, "[warm-up, 1s to go]")]
    [InlineData(true, false, 0.0, "[warm-up over]")]
    [InlineData(false, false, 3.0, "[  3s]")]
    [InlineData(false, true, 5.02, "[end 5.02s] 7 req in the last 0.02 s; total 70 requests, 1 errors")]
    public void Progress_Format_LabelsWarmUpSecondsAndThePartialEnd(bool warmingUp, bool final, double seconds, string expectedStart)
    {
        var line = TestOutputProgress.Format(new RunProgress(TimeSpan.FromSeconds(seconds), warmingUp, 7, 0, 70, 1, 1.5, 3) { Final = final });

        Assert.StartsWith(expectedStart, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_Format_NamesTheScenarioOfARunWithLoadsPerScenario()
    {
        var line = TestOutputProgress.Format(new RunProgress(TimeSpan.FromSeconds(3), false, 7, 0, 70, 1, 1.5, 3) { Scenario = "search" });

        Assert.StartsWith("[  3s] search:       7 req/s", line, StringComparison.Ordinal);
    }

    [Fact]
    public void RunSummary_TwoScenarios_HasARowEachAndTheWhole()
    {
        var run = TestRuns.Result(succeeded: 100, failed: 0, name: "mixed");
        var scenario = new PerfTesting.Measurement.ScenarioResult("home", run.Totals, run.Latency, run.ErrorsByKind, run.LatencyHistogram);
        run = run with { Scenarios = [scenario, scenario with { Name = "search" }] };

        var lines = RunSummary.ToTable(run).ReplaceLineEndings("\n").TrimEnd().Split('\n');

        Assert.StartsWith("Run 'mixed': 10.00 s, 100 requests, 10.0/s, errors 0.0%", lines[0], StringComparison.Ordinal);
        Assert.Equal(["scenario", "home", "search", "(all)"], lines.Skip(1).Select(l => l.Split('|')[0].Trim()));
    }
}
