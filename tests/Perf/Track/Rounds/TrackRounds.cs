using System.Globalization;
using PerfTesting.Comparison;
using PerfTesting.Load;
using PerfTesting.Reporting.Comparison;

namespace Tests.Perf.Track.Rounds;

/// <summary>
/// The one place the track runs an A/B comparison (<see cref="ABRunner"/>): every before/after of the
/// report goes through <see cref="CompareAsync"/>, so that when the engine gains adaptive rounds
/// (rounds added until every metric is decided or a time budget is spent) only this method changes.
/// Each side's every run is kept (<see cref="SideRuns"/>), so a comparison can also report the last
/// run of a side with its white-box figures and findings.
/// </summary>
internal sealed class TrackRounds(TrackProfile profile, ITestOutputHelper output, string[] meters, string machine)
{
    /// <summary>What every comparison judges with: 99% intervals, ±5% tolerance (the engine's defaults), the profile's rounds.</summary>
    public ABOptions Options(ABSchedule schedule) => new() { Rounds = profile.Rounds, Schedule = schedule };

    /// <summary>
    /// Runs the rounds of <paramref name="plan"/>: <paramref name="a"/> is the reference configuration,
    /// <paramref name="b"/> the variant, each scenarios against its own registry, <paramref name="load"/> one side's run.
    /// Interleaved runs capture the registry's meters and the process (a side runs alone, so the
    /// figures are its own); duet runs do not (two registries in this process would mix).
    /// </summary>
    public async Task<(ABReport Report, SideRuns Runs)> CompareAsync(
        TrackComparisonPlan plan, LoadProfile load, IReadOnlyList<Scenario> a, IReadOnlyList<Scenario> b, CancellationToken ct)
    {
        var options = Options(plan.Schedule);
        var interleaved = plan.Schedule == ABSchedule.Interleaved;
        var runs = new SideRuns();
        var runner = new LoadRunner(new LoadRunnerOptions
        {
            Name = plan.Name,
            Meters = interleaved ? meters : [],
            CaptureProcess = interleaved,
        });
        output.WriteLine($"== A/B {plan.Name} ({plan.Schedule}, {options.Rounds} rounds)");
        var progress = new SyncProgress<ABRound>(r => output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   round {r.Index} ({r.First} first): p50 A {r.A.P50:0.#} ms, B {r.B.P50:0.#} ms; throughput A {r.A.Throughput:0.#}, B {r.B.Throughput:0.#} req/s; requests {r.A.Requests}/{r.B.Requests}")));
        var comparison = await new ABRunner(options, progress: progress).RunAsync(plan.Name, async (side, token) =>
        {
            var result = await runner.RunAsync(load, side == ABSide.A ? a : b, token);
            runs.Add(side, result);
            return result;
        }, ct);
        output.WriteLine(ABComparisonTable.Render(comparison));
        var report = new ABReport(
            plan.Name,
            DateTimeOffset.UtcNow,
            machine,
            new ABSideInfo(plan.ALabel, null, plan.ADescription),
            new ABSideInfo(plan.BLabel, null, plan.BDescription),
            plan.Workload,
            comparison,
            [plan.Why, .. plan.Notes, .. Errors(runs)]);
        return (report, runs);
    }

    // What failed, when anything did: the rounds record only each run's error rate.
    private static IEnumerable<string> Errors(SideRuns runs) =>
        new[] { ABSide.A, ABSide.B }.Select(side => (Side: side, Errors: runs.ErrorsByKind(side)))
            .Where(e => e.Errors.Count > 0)
            .Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Side} failed requests by kind, all runs: {string.Join(", ", e.Errors.OrderByDescending(k => k.Value).Select(k => $"{k.Key} x{k.Value}"))}."));
}
