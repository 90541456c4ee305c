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
/// look plan, interleaved rounds and a short budget. tools/verdict-trust.sh publishes the PullRequestGate sample's service three times (WorkUnits
/// as committed, +5%, +10%), starts four processes on free loopback ports and passes their URLs here.
/// Writes artifacts/perf/ab-verdict-trust-cpu.{md,txt}; the full measurement (N = 20) asserts the targets:
/// A/A Regressed at most 1 in 20, +10% Regressed at least 19 in 20; +5% is reported as measured.
/// </summary>
public sealed class CpuVerdictTrustTests(ITestOutputHelper output)
{
    private const int Clients = 4;

    // Short runs so that 60 comparisons fit in about 20 minutes: 0.25 s of 4 clients on GET /work still
    // gives each run the 100 requests p95 needs (several hundred on a quiet machine), and the warm-up
    // lets a side that idled while the other ran spin its threads up again.
    private static readonly TimeSpan RunDuration = TimeSpan.FromSeconds(0.25);
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(0.15);

    // Each comparison's budget: two looks of 12 interleaved rounds at this pace (PERF_AB_TRUST_CPU_BUDGET
    // seconds overrides it). The gate's own budget is 8 minutes; a shorter one can only cost power, never
    // the error rate, which the alpha split guarantees whenever a comparison stops.
    private static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(25);

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
        var budget = Environment.GetEnvironmentVariable("PERF_AB_TRUST_CPU_BUDGET") is { Length: > 0 } seconds
            ? TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture))
            : DefaultBudget;
        var sequential = new ABSequentialOptions { Budget = budget };

        // Interleaved, as perftest compare runs by default: in a duet the two CPU-bound sides split the same two cores.
        var runner = new ABAdaptiveRunner(new ABOptions { Schedule = ABSchedule.Interleaved }, sequential, new LoadRunnerOptions { Name = "ab-trust-cpu", CaptureProcess = false });
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
        summary.Append(CultureInfo.InvariantCulture, $"Each comparison: ABAdaptiveRunner's look plan (first look at {sequential.FirstLookRounds} rounds, +{sequential.RoundsPerLook} per look, at most {sequential.MaximumLooks} looks, 99% over all looks) with a budget of {budget.TotalSeconds:0} s, interleaved rounds (perftest compare's default), {Clients} closed clients, runs of {RunDuration.TotalSeconds:0.##} s after {WarmUp.TotalSeconds:0.##} s warm-up, GET /work of samples/PullRequestGate's service; both sides on the same {Environment.ProcessorCount} cores. Load average at the end: {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown")}.\n\n");
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
