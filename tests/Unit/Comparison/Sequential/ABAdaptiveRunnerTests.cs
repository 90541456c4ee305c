using Microsoft.Extensions.Time.Testing;
using PerfTesting.Comparison;
using PerfTesting.Comparison.Sequential;
using PerfTesting.Metrics;

namespace Tests.Unit.Comparison.Sequential;

/// <summary>
/// The adaptive runner on fake sides: each run's figures come from a seeded generator (B = A times the
/// change, each side with its own multiplicative noise), and a fake clock advances by a fixed time per
/// run, so the budget is tested without waiting.
/// </summary>
public sealed class ABAdaptiveRunnerTests
{
    private static readonly ABOptions Interleaved = new() { Schedule = ABSchedule.Interleaved, Seed = 11 };
    private static readonly ABSequentialOptions FourLooksOfTen = new() { FirstLookRounds = 10, RoundsPerLook = 10, MaximumLooks = 4 };

    private static Func<ABSide, CancellationToken, Task<ABSample>> FakeSides(double change, double noise, FakeTimeProvider? clock = null, TimeSpan? perRun = null, int seed = 5)
    {
        var random = new Random(seed);
        return (side, _) =>
        {
            clock?.Advance(perRun ?? TimeSpan.FromSeconds(1));
            var factor = (side == ABSide.B ? 1 + change : 1) * Math.Exp(noise * ((2 * random.NextDouble()) - 1));
            return Task.FromResult(new ABSample(2000, 10 * factor, 20 * factor, 40 * factor, 1000 / factor, 0));
        };
    }

    [Fact]
    public async Task Run_ClearRegression_StopsAtTheFirstLookRegressed()
    {
        var runner = new ABAdaptiveRunner(Interleaved, FourLooksOfTen);

        var comparison = await runner.RunAsync("fake", FakeSides(0.20, 0.01), TestContext.Current.CancellationToken);

        Assert.Equal(Verdict.Regressed, comparison.Overall);
        Assert.Equal(10, comparison.Rounds.Count);
        Assert.Equal(ABStopReason.Regressed, comparison.Looks!.Stop);
        Assert.Equal(1, comparison.Looks.Taken);
    }

    [Fact]
    public async Task Run_QuietUnchangedSides_StopsAtTheFirstLookSame()
    {
        var runner = new ABAdaptiveRunner(Interleaved, FourLooksOfTen);

        var comparison = await runner.RunAsync("fake", FakeSides(0, 0.005), TestContext.Current.CancellationToken);

        Assert.Equal(Verdict.Same, comparison.Overall);
        Assert.Equal(ABStopReason.Decided, comparison.Looks!.Stop);
        Assert.Equal(10, comparison.Rounds.Count);
    }

    [Fact]
    public async Task Run_NoisySides_AddsRoundsUntilTheLastLook_ThenInconclusiveWithWhatItResolves()
    {
        var runner = new ABAdaptiveRunner(Interleaved, FourLooksOfTen);

        var comparison = await runner.RunAsync("fake", FakeSides(0, 0.5), TestContext.Current.CancellationToken);

        Assert.Equal(Verdict.Inconclusive, comparison.Overall);
        Assert.Equal(ABStopReason.LastLook, comparison.Looks!.Stop);
        Assert.Equal([10, 20, 30, 40], comparison.Looks.RoundsAtEachLook);
        var p50 = comparison.Metric(PerfMetric.P50);
        Assert.Equal(Verdict.Inconclusive, p50.Verdict);
        Assert.Contains("last look", p50.Reason, StringComparison.Ordinal);
        Assert.Contains("the rounds resolve ±", p50.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoisySidesAndATightBudget_StopsBeforeALookThatWouldOverrunIt()
    {
        var clock = new FakeTimeProvider();
        // 30 s per run, interleaved: 60 s a round. Priming + 10 rounds = 660 s; 10 more would end at 1260 s > 900 s.
        var sequential = FourLooksOfTen with { Budget = TimeSpan.FromSeconds(900) };
        var runner = new ABAdaptiveRunner(Interleaved, sequential, timeProvider: clock);

        var comparison = await runner.RunAsync("fake", FakeSides(0, 0.5, clock, TimeSpan.FromSeconds(30)), TestContext.Current.CancellationToken);

        Assert.Equal(ABStopReason.Budget, comparison.Looks!.Stop);
        Assert.Equal(10, comparison.Rounds.Count);
        Assert.Equal(Verdict.Inconclusive, comparison.Overall);
        Assert.Contains("time budget (900 s) after 10 rounds", comparison.Metric(PerfMetric.P50).Reason, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(660), comparison.Elapsed);
    }

    [Fact]
    public async Task Run_FillBudget_SizesTheLooksLeftToShareWhatIsLeftOfTheBudget()
    {
        var clock = new FakeTimeProvider();
        // 1 s per run, interleaved: 2 s a round. Priming + 10 rounds end at 22 s; 878 s left for 3 looks: 146 rounds
        // each (look at 156); then 586 s for 2: 146 more (302); then 294 s for 1: 147 more (449), ending at the budget.
        var sequential = FourLooksOfTen with { Budget = TimeSpan.FromSeconds(900), FillBudget = true };
        var runner = new ABAdaptiveRunner(Interleaved, sequential, timeProvider: clock);

        var comparison = await runner.RunAsync("fake", FakeSides(0, 2.0, clock), TestContext.Current.CancellationToken);

        Assert.Equal([10, 156, 302, 449], comparison.Looks!.RoundsAtEachLook);
        Assert.Equal(ABStopReason.LastLook, comparison.Looks.Stop);
        Assert.Equal(TimeSpan.FromSeconds(900), comparison.Elapsed);
    }

    [Fact]
    public async Task Run_FillBudgetWithoutTimePassing_KeepsTheFixedLooks()
    {
        // Sides that take no time on the clock give no pace to size looks by: the plan's own sizes hold.
        var runner = new ABAdaptiveRunner(Interleaved, FourLooksOfTen with { FillBudget = true }, timeProvider: new FakeTimeProvider());

        var comparison = await runner.RunAsync("fake", FakeSides(0, 2.0), TestContext.Current.CancellationToken);

        Assert.Equal([10, 20, 30, 40], comparison.Looks!.RoundsAtEachLook);
    }

    [Fact]
    public async Task Run_OnlyAnUngatedMetricUndecided_StopsAndIgnoresItInTheVerdict()
    {
        // p99 needs 500 requests per run; with 100 it reads Inconclusive, yet it is not gated by default.
        var random = new Random(3);
        Task<ABSample> Measure(ABSide side, CancellationToken ct)
        {
            var f = Math.Exp(0.004 * ((2 * random.NextDouble()) - 1));
            return Task.FromResult(new ABSample(100, 10 * f, 20 * f, 40 * f, 1000 / f, 0));
        }

        var comparison = await new ABAdaptiveRunner(Interleaved, FourLooksOfTen).RunAsync("fake", Measure, TestContext.Current.CancellationToken);

        Assert.Equal(Verdict.Inconclusive, comparison.Metric(PerfMetric.P99).Verdict);
        Assert.Equal(Verdict.Same, comparison.Overall);
        Assert.Equal(ABStopReason.Decided, comparison.Looks!.Stop);
    }

    [Fact]
    public void Create_FirstLookTooShortForTheSplitConfidence_IsRefusedBeforeAnyLoad()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ABAdaptiveRunner(sequential: new ABSequentialOptions { FirstLookRounds = 10 }));

        // 8 looks at 99% overall: 99.875% each, which needs 2^-n <= 0.000625, so 11 rounds.
        Assert.Contains("needs at least 11 rounds", error.Message, StringComparison.Ordinal);
    }
}
