using System.Globalization;
using System.Text;
using PerfTesting.Comparison;
using PerfTesting.Comparison.Sequential;
using PerfTesting.Load;
using Tests.Perf.Track;
using PerfTesting.Metrics;

namespace Tests.Perf.Trust;

/// <summary>
/// How far the adaptive A/B verdict can be trusted for a service that burns CPU, where both sides compete
/// for the same cores in every round: N A/A comparisons (two processes of the same build) and N each with
/// B's per-request CPU work 5% and 10% higher, each comparison an <see cref="ABAdaptiveRunner"/> with its
/// defaults. tools/verdict-trust.sh publishes the PullRequestGate sample's service three times (WorkUnits
/// as committed, +5%, +10%), starts four processes on free loopback ports and passes their URLs here.
/// Writes artifacts/perf/ab-verdict-trust-cpu.{md,txt}; the full measurement (N = 20) asserts the targets:
/// A/A Regressed at most 1 in 20, +10% Regressed at least 19 in 20; +5% is reported as measured.
/// </summary>
public sealed class CpuVerdictTrustTests(ITestOutputHelper output)
{
    private const int Clients = 4;
    private static readonly TimeSpan RunDuration = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(0.3);

    [Fact]
    public async Task AdaptiveVerdict_CpuBoundPair_AAIsRarelyRegressed_AndTenPercentMoreWorkIsDetected()
    {
        var urls = new[] { "A", "AA", "B5", "B10" }.ToDictionary(k => k, k => Environment.GetEnvironmentVariable("PERF_AB_CPU_" + k));
        if (urls.Values.Any(string.IsNullOrEmpty) || Environment.GetEnvironmentVariable("PERF_AB_TRUST_CPU") is not { Length: > 0 } n)
        {
            Assert.Skip("The CPU-bound verdict-trust measurement runs from bash tools/verdict-trust.sh (it starts the four services and sets PERF_AB_CPU_*).");
            return;
        }

        var repetitions = int.Parse(n, CultureInfo.InvariantCulture);
        var ct = TestContext.Current.CancellationToken;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue });
        var load = LoadProfile.Closed(Clients, RunDuration).WithWarmUp(WarmUp);
        var runner = new ABAdaptiveRunner(runnerOptions: new LoadRunnerOptions { Name = "ab-trust-cpu", CaptureProcess = false });
        var kinds = new[] { ("cpu_aa", "AA"), ("cpu10", "B10"), ("cpu5", "B5") };
        var results = kinds.ToDictionary(k => k.Item1, _ => new List<ABComparison>());
        for (var i = 0; i < repetitions; i++)
        {
            foreach (var (kind, b) in kinds)
            {
                var comparison = await runner.RunAsync(kind, new Uri(urls["A"]! + "work"), new Uri(urls[b]! + "work"), load,
                    url => Scenario.Create("work", HttpStep.Get(http, url)), ct);
                results[kind].Add(comparison);
                var p50 = comparison.Metric(PerfMetric.P50);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{i + 1}/{repetitions} {kind}: {comparison.Overall} after {comparison.Rounds.Count} rounds ({comparison.Looks!.Stop}, {comparison.Elapsed.TotalSeconds:0.0} s); p50 {PerfMetrics.Change(PerfMetric.P50, p50.Change)} [{PerfMetrics.Change(PerfMetric.P50, p50.Lower)}, {PerfMetrics.Change(PerfMetric.P50, p50.Upper)}] {p50.Verdict}"));
            }
        }

        int Regressed(string kind) => results[kind].Count(c => c.Overall == Verdict.Regressed);
        double Seconds(string kind) => results[kind].Average(c => c.Elapsed.TotalSeconds);
        var lines = string.Create(CultureInfo.InvariantCulture,
            $"cpu_aa_false_regressed={Regressed("cpu_aa")}/{repetitions}\ncpu10_detected={Regressed("cpu10")}/{repetitions}\ncpu5_detected={Regressed("cpu5")}/{repetitions}\ncpu_aa_seconds={Seconds("cpu_aa"):0.0}\ncpu10_seconds={Seconds("cpu10"):0.0}\ncpu5_seconds={Seconds("cpu5"):0.0}\n");
        var summary = new StringBuilder("# A/B verdict trust, CPU-bound pair (tests/Perf/Trust/CpuVerdictTrustTests.cs)\n\n");
        summary.Append(CultureInfo.InvariantCulture, $"Each comparison: ABAdaptiveRunner defaults (first look at {ABSequentialOptions.Default.FirstLookRounds} rounds, +{ABSequentialOptions.Default.RoundsPerLook} per look, at most {ABSequentialOptions.Default.MaximumLooks} looks, 99% over all looks, budget {ABSequentialOptions.DefaultBudget.TotalMinutes:0} min), {Clients} closed clients, runs of {RunDuration.TotalSeconds:0.#} s after {WarmUp.TotalSeconds:0.#} s warm-up, GET /work of samples/PullRequestGate's service; both sides on the same {Environment.ProcessorCount} cores.\n\n");
        summary.Append("| comparisons | Regressed | Same | Improved | Inconclusive | rounds (mean) | seconds each (mean) |\n|---|---|---|---|---|---|---|\n");
        foreach (var (kind, list) in results)
        {
            summary.Append(CultureInfo.InvariantCulture,
                $"| {kind} ({list.Count}) | {list.Count(c => c.Overall == Verdict.Regressed)} | {list.Count(c => c.Overall == Verdict.Same)} | {list.Count(c => c.Overall == Verdict.Improved)} | {list.Count(c => c.Overall == Verdict.Inconclusive)} | {list.Average(c => c.Rounds.Count):0.0} | {list.Average(c => c.Elapsed.TotalSeconds):0.0} |\n");
        }

        output.WriteLine(summary.ToString());
        Directory.CreateDirectory(TrackPaths.Artifacts);
        await File.WriteAllTextAsync(Path.Combine(TrackPaths.Artifacts, "ab-verdict-trust-cpu.md"), summary.ToString(), ct);
        await File.WriteAllTextAsync(Path.Combine(TrackPaths.Artifacts, "ab-verdict-trust-cpu.txt"), lines, ct);

        // Only the full measurement judges rates; a smoke run (a count below 20) reports what it saw.
        if (repetitions >= 20)
        {
            Assert.True(Regressed("cpu_aa") <= repetitions / 20, $"A/A read Regressed {Regressed("cpu_aa")} of {repetitions} times.\n{summary}");
            Assert.True(Regressed("cpu10") >= repetitions - (repetitions / 20), $"+10% CPU work was detected {Regressed("cpu10")} of {repetitions} times.\n{summary}");
        }
    }
}
