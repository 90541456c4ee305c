using System.Globalization;
using System.Text;
using PerfTesting.Baselines;
using PerfTesting.Load;
using PerfTesting.Xunit.Baselines;
using Tests.Perf.Track;

namespace Tests.Perf.Trust;

/// <summary>
/// How far the baseline verdict can be trusted, measured: against one baseline run of a loopback
/// endpoint with a fixed 20 ms delay, N unchanged runs must never be Regressed, and N runs with 20%
/// more delay must be Regressed at least 95% of the time. Runs alternate (unchanged, slowed, ...), so
/// drift of the machine during the test affects both groups alike. Writes artifacts/perf/verdict-trust.md.
/// </summary>
public sealed class VerdictTrustTests(ITestOutputHelper output)
{
    private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan SlowedDelay = TimeSpan.FromMilliseconds(24);

    [Fact]
    public async Task Verdict_UnchangedIsNeverRegressed_AndTwentyPercentSlowerIsRegressedAtLeast95PercentOfRuns()
    {
        var profile = TrackProfile.Require();
        var ct = TestContext.Current.CancellationToken;
        await using var server = await DelayServer.StartAsync(BaseDelay);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue });
        var scenario = Scenario.Create("delay", HttpStep.Get(http, server.Url));
        var runner = new LoadRunner(new LoadRunnerOptions { Name = "trust", CaptureProcess = false });
        var load = LoadProfile.Closed(8, profile.TrustRunDuration).WithWarmUp(TimeSpan.FromSeconds(0.5));

        // Priming, not recorded: a cold first run (JIT, connection set-up) would make a slow baseline.
        await runner.RunAsync(LoadProfile.Closed(8, TimeSpan.FromSeconds(3)), scenario, ct);
        var baseline = (await runner.RunAsync(load, scenario, ct)).ToBaselineSnapshot("trust");
        var unchanged = new List<BaselineComparison>();
        var slowed = new List<BaselineComparison>();
        for (var i = 0; i < profile.TrustRepetitions; i++)
        {
            server.Delay = BaseDelay;
            unchanged.Add(BaselineComparer.Compare(baseline, (await runner.RunAsync(load, scenario, ct)).ToBaselineSnapshot("trust")));
            server.Delay = SlowedDelay;
            slowed.Add(BaselineComparer.Compare(baseline, (await runner.RunAsync(load, scenario, ct)).ToBaselineSnapshot("trust")));
        }

        var falseAlarms = unchanged.Count(c => c.Overall == Verdict.Regressed);
        var detected = slowed.Count(c => c.Overall == Verdict.Regressed);
        var summary = Summary(baseline, unchanged, slowed, falseAlarms, detected);
        output.WriteLine(summary);
        Directory.CreateDirectory(TrackPaths.Artifacts);
        await File.WriteAllTextAsync(Path.Combine(TrackPaths.Artifacts, "verdict-trust.md"), summary, ct);

        Assert.Equal(0, falseAlarms);
        Assert.True(detected >= Math.Ceiling(0.95 * profile.TrustRepetitions), summary);
        // And the xunit layer turns a Regressed verdict into a failed test that shows the table.
        var failure = Assert.Throws<BaselineRegressionException>(() =>
            BaselineAssert.NoRegression(new BaselineOutcome("trust", BaselineStatus.Compared, slowed.First(c => c.Overall == Verdict.Regressed), null)));
        Assert.Contains("Regressed", failure.Message, StringComparison.Ordinal);
    }

    private static string Summary(BaselineSnapshot baseline, List<BaselineComparison> unchanged, List<BaselineComparison> slowed, int falseAlarms, int detected)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');
        Line($"# Verdict trust (tests/Perf/Trust/VerdictTrustTests.cs)");
        Line($"");
        Line($"Loopback endpoint with a {BaseDelay.TotalMilliseconds:0} ms delay, 8 closed clients; baseline p50 {baseline.Summary.P50Ms:0.###} ms, p99 {baseline.Summary.P99Ms:0.###} ms over {baseline.Summary.Requests} requests.");
        Line($"");
        Line($"| runs | delay | Regressed | Same | Improved |");
        Line($"|---|---|---|---|---|");
        Line($"| unchanged ({unchanged.Count}) | {BaseDelay.TotalMilliseconds:0} ms | {falseAlarms} | {unchanged.Count(c => c.Overall == Verdict.Same)} | {unchanged.Count(c => c.Overall == Verdict.Improved)} |");
        Line($"| slowed 20% ({slowed.Count}) | {SlowedDelay.TotalMilliseconds:0} ms | {detected} | {slowed.Count(c => c.Overall == Verdict.Same)} | {slowed.Count(c => c.Overall == Verdict.Improved)} |");
        Line($"");
        var falseAlarmMetrics = unchanged.SelectMany(c => c.Metrics).Where(m => m.Verdict == Verdict.Regressed).GroupBy(m => m.Metric).Select(g => $"{g.Key} x{g.Count()}");
        Line($"Metrics behind false alarms: {string.Join(", ", falseAlarmMetrics.DefaultIfEmpty("none"))}. Tolerances: {ComparisonOptions.Default.RelativeTolerance:P0} (p50, throughput), {ComparisonOptions.Default.TailTolerance:P0} (p95), {ComparisonOptions.Default.ExtremeTailTolerance:P0} (p99); significance level {ComparisonOptions.Default.SignificanceLevel}.");
        Line($"");
        foreach (var metric in Enum.GetValues<BaselineMetric>())
        {
            var calm = unchanged.SelectMany(c => c.Metrics).Where(m => m.Metric == metric).Select(m => m.Change).DefaultIfEmpty().ToList();
            var slow = slowed.SelectMany(c => c.Metrics).Where(m => m.Metric == metric).Select(m => m.Change).DefaultIfEmpty().ToList();
            Line($"- {metric}: change in unchanged runs {calm.Min():+0.#%;-0.#%;0%} to {calm.Max():+0.#%;-0.#%;0%}; in slowed runs {slow.Min():+0.#%;-0.#%;0%} to {slow.Max():+0.#%;-0.#%;0%}");
        }

        Line($"");
        Line($"False-alarm rate {(double)falseAlarms / unchanged.Count:0.###}; detection rate {(double)detected / slowed.Count:0.###} (required: 0 and >= 0.95).");
        return text.ToString();
    }
}
