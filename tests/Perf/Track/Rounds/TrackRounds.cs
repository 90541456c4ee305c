using System.Globalization;
using PerfTesting.Comparison;
using PerfTesting.Comparison.Sequential;
using PerfTesting.Load;
using PerfTesting.Reporting.Comparison;

namespace Tests.Perf.Track.Rounds;

/// <summary>
/// The one place the track runs an A/B comparison: every before/after of the report goes through
/// <see cref="CompareAsync"/>, with the engine's adaptive rounds (<see cref="ABAdaptiveRunner"/>): a
/// first look after <see cref="TrackProfile.Rounds"/> rounds, more rounds while a gated metric is
/// undecided, at most <see cref="TrackProfile.Looks"/> looks (the 99% split over them) and
/// a share of the track's A/B budget per comparison (<see cref="RoundsBudget"/>). A clear change stops at the first look;
/// a control (A against A) gets the rounds it needs to show Same. Each side's every run is kept
/// (<see cref="SideRuns"/>), so a comparison can also report the last run of a side with its
/// white-box figures and findings.
/// </summary>
internal sealed class TrackRounds(TrackProfile profile, ITestOutputHelper output, string[] meters, string machine, int planned)
{
    private readonly RoundsBudget _budget = new(profile.ComparisonsBudget, profile.MinimumComparisonBudget, profile.ComparisonBudget, planned);
    private int _done;
    private TimeSpan _spent;

    /// <summary>
    /// Tolerance of the interleaved comparisons: ±10%. Interleaved, each side has the machine to itself
    /// for half a second, so a round also measures how the machine drifted between the two halves: the
    /// interleaved control's per-round scatter was about 11% at p50, p95 and throughput on a quiet 2-core
    /// machine (duet: 2-5%), which resolves about ±6-9% within one comparison's budget, not ±5%. The
    /// interleaved comparisons are the large effects (a local archive copy, a presigned redirect, another
    /// store, a shared cache, a starved pool); a change smaller than 10% there reads Same.
    /// </summary>
    public const double InterleavedTolerance = 0.10;

    /// <summary>What a comparison judges with: 99% over all looks; ±5% (the engine's default) in a duet, <see cref="InterleavedTolerance"/> interleaved.</summary>
    public static ABOptions Options(ABSchedule schedule) => schedule == ABSchedule.Interleaved
        ? new() { Schedule = schedule, Tolerance = InterleavedTolerance }
        : new() { Schedule = schedule };

    /// <summary>How the next comparison looks at its rounds: the profile's rounds per look and looks, its share of the budget; p50, p95, throughput and error rate gated.</summary>
    /// <remarks>
    /// A control gets one look more and a larger budget: it is the run's proof of its noise floor, and
    /// on a quiet machine the interleaved control needed its third look in both runs of 2026-12-08
    /// (±8.1% and ±7.0% at 36 rounds against ±10%).
    /// </remarks>
    private ABSequentialOptions NextLooks(bool control) => new()
    {
        FirstLookRounds = profile.Rounds,
        RoundsPerLook = profile.Rounds,
        MaximumLooks = control ? profile.Looks + 1 : profile.Looks,
        Budget = _budget.Next(_done, _spent, control ? profile.ControlBudget : profile.ComparisonBudget),
    };

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
        var looks = NextLooks(plan.Name.EndsWith(TrackVerdict.ControlSuffix, StringComparison.Ordinal));
        output.WriteLine($"== A/B {plan.Name} ({plan.Schedule}, {looks.FirstLookRounds} rounds per look, at most {looks.MaximumLooks} looks, budget {looks.Budget.TotalSeconds:0} s)");
        var progress = new SyncProgress<ABRound>(r => output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   round {r.Index} ({r.First} first): p50 A {r.A.P50:0.#} ms, B {r.B.P50:0.#} ms; throughput A {r.A.Throughput:0.#}, B {r.B.Throughput:0.#} req/s; requests {r.A.Requests}/{r.B.Requests}")));
        var comparison = await new ABAdaptiveRunner(options, looks, progress: progress).RunAsync(plan.Name, async (side, token) =>
        {
            var result = await runner.RunAsync(load, side == ABSide.A ? a : b, token);
            runs.Add(side, result);
            return ABSample.From(result);
        }, ct);
        _done++;
        _spent += comparison.Elapsed;
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
