using PerfTesting.Load;

namespace Tests.Unit.Load.Executors;

/// <summary>
/// The open-model executor on a fake clock that the test moves once, past the whole schedule: every
/// arrival falls due while the clock stands still and goes out when it moves, so each latency is exactly
/// the time from when the arrival was due to when it ran.
/// </summary>
public sealed class ArrivalRateExecutorTests
{
    private static readonly Scenario Instant = Scenario.Create("s", (_, _) => ValueTask.FromResult(StepOutcome.Ok()));

    [Fact]
    public async Task ArrivalsReleasedLate_LatencyCountsFromWhenTheyWereDue()
    {
        var run = new FakeClockRun();

        var running = run.StartAsync(LoadProfile.OpenConstant(10, TimeSpan.FromSeconds(2), 100), Instant, TestContext.Current.CancellationToken);
        run.Clock.Advance(TimeSpan.FromSeconds(2));
        var result = await running;

        Assert.Equal(20, result.Totals.Started);
        Assert.Equal(20, result.Totals.Succeeded);
        Assert.Equal(0, result.Totals.Dropped);
        // Due at 0.1 s ... 2.0 s and run at 2.0 s: latencies from 1,900 ms down to none (recorded as 1 µs).
        Assert.Equal(1900, result.Latency.Max, 2.0);
        Assert.Equal(0.001, result.Latency.Min, 0.001);
    }

    [Fact]
    public async Task RampingRate_StartsEveryScheduledArrival()
    {
        var run = new FakeClockRun();
        var profile = LoadProfile.OpenRamping(0, 40, TimeSpan.FromSeconds(2), 1_000);

        var running = run.StartAsync(profile, Instant, TestContext.Current.CancellationToken);
        run.Clock.Advance(TimeSpan.FromSeconds(2));
        var result = await running;

        Assert.Equal(ArrivalSchedule.Offsets(profile.Stages).Count(), result.Totals.Started);
        Assert.Equal(40, result.Totals.Started); // the rate's integral: 40/s / 2 x 2 s
    }

    [Fact]
    public async Task WarmUp_ArrivalsBeforeTheSwitchAreNotCounted()
    {
        var run = new FakeClockRun();

        var running = run.StartAsync(LoadProfile.OpenConstant(10, TimeSpan.FromSeconds(1), 100).WithWarmUp(TimeSpan.FromSeconds(1)), Instant, TestContext.Current.CancellationToken);
        run.Clock.Advance(TimeSpan.FromSeconds(2));
        var result = await running;

        Assert.Equal(10, result.Totals.Started);
        Assert.Equal(10, result.Totals.Succeeded);
    }
}
