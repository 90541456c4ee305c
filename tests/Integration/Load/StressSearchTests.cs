using PerfTesting.Assertions;
using PerfTesting.Load;

namespace Tests.Integration.Load;

public sealed class StressSearchTests
{
    [Fact]
    public async Task RunAsync_StopsAtTheFirstStepThatBreaksTheSla()
    {
        // Each request takes 3 ms per client in flight: latency grows with load, so a p99 bound breaks. The
        // bound sits far from both neighbouring steps (12 ms at 4 clients, 1.2 s at 400), so a loaded
        // machine's scheduling delays cannot move the breaking point.
        var inFlight = 0;
        var scenario = Scenario.Create("queueing", async (_, ct) =>
        {
            var clients = Interlocked.Increment(ref inFlight);
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(3 * clients), ct);
                return StepOutcome.Ok(1);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        });
        var sla = Sla.Define().LatencyPercentile(99, TimeSpan.FromMilliseconds(600)).Build();

        var steps = await StressSearch.RunAsync(
            new LoadRunner(new LoadRunnerOptions { Name = "stress", CaptureProcess = false }),
            [1, 4, 400, 800], TimeSpan.FromMilliseconds(1500), [scenario], sla, TestContext.Current.CancellationToken);
        var breaking = StressSearch.BreakingPoint(steps);

        Assert.NotNull(breaking);
        Assert.Equal(400, breaking.Clients);
        Assert.Equal([1, 4, 400], steps.Select(s => s.Clients));
        Assert.True(steps[0].Sla.Passed && steps[1].Sla.Passed);
        Assert.Equal("stress-400-clients", breaking.Result.Name);
    }

    [Fact]
    public async Task RunAsync_RejectsClientCountsThatDoNotIncrease()
    {
        var scenario = Scenario.Create("noop", (_, _) => ValueTask.FromResult(StepOutcome.Ok(0)));
        var sla = Sla.Define().ErrorRate(0.01).Build();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            StressSearch.RunAsync(new LoadRunner(), [5, 5], TimeSpan.FromMilliseconds(10), [scenario], sla, TestContext.Current.CancellationToken));
    }
}
