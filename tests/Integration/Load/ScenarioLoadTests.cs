using PerfTesting.Load;

namespace Tests.Integration.Load;

/// <summary>Scenarios with their own load profiles in one run, steps inside a scenario, data feeds in a run (real time, no sockets).</summary>
public sealed class ScenarioLoadTests
{
    private static ValueTask<StepOutcome> Ok(ScenarioContext context, CancellationToken ct) => ValueTask.FromResult(StepOutcome.Ok(bytes: 1));

    [Fact]
    public async Task RunAsync_ClosedAndOpenScenarios_RunSideBySideAndAddUp()
    {
        var closed = Scenario.Create("closed", Ok).WithLoad(LoadProfile.ClosedIterations(2, 50));
        var open = Scenario.Create("open", async (_, ct) =>
        {
            await Task.Delay(1, ct);
            return StepOutcome.Ok(bytes: 1);
        }).WithLoad(LoadProfile.OpenConstant(100, TimeSpan.FromSeconds(2), maxInFlight: 50));

        var result = await new LoadRunner(new() { Name = "mixed" }).RunAsync([closed, open], TestContext.Current.CancellationToken);

        Assert.Equal(100, result.Scenario("closed").Totals.Started);
        Assert.Equal(200, result.Scenario("open").Totals.Started + result.Scenario("open").Totals.Dropped);
        Assert.Equal(result.Scenarios.Sum(s => s.Totals.Started), result.Totals.Started);
        Assert.Equal(result.Totals.Completed, result.Latency.Count);
        Assert.Equal(result.Totals.Completed, result.Series.Sum(s => s.Requests));
        Assert.Equal(result.Series.Select(s => s.Second).Distinct().Count(), result.Series.Count);
        Assert.True(result.Duration >= TimeSpan.FromSeconds(1.9), $"the open scenario's 2 s set the window, was {result.Duration}");
        Assert.Contains("closed: closed model: 2 clients x 50 iterations", result.Profile, StringComparison.Ordinal);
        Assert.Contains("open: open model: 100/s for 2 s", result.Profile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RunProfileAndOneScenarioWithItsOwn_BothRun()
    {
        var shared = Scenario.Create("shared", Ok);
        var own = Scenario.Create("own", Ok).WithLoad(LoadProfile.ClosedIterations(1, 30));
        var progress = new List<RunProgress>();

        var result = await new LoadRunner(new() { Observer = new Collect(progress) }).RunAsync(
            LoadProfile.ClosedIterations(3, 10), [shared, own], TestContext.Current.CancellationToken);

        Assert.Equal(30, result.Scenario("shared").Totals.Started);
        Assert.Equal(30, result.Scenario("own").Totals.Started);
        lock (progress)
        {
            Assert.Contains(progress, p => p.Scenario == "own" && p.Final);
            Assert.Contains(progress, p => p.Scenario == "shared" && p.Final);
        }
    }

    [Fact]
    public async Task RunAsync_DifferentWarmUps_AreRejectedBeforeAnyLoad()
    {
        var a = Scenario.Create("a", Ok).WithLoad(LoadProfile.ClosedIterations(1, 1).WithWarmUp(TimeSpan.FromSeconds(1)));
        var b = Scenario.Create("b", Ok).WithLoad(LoadProfile.ClosedIterations(1, 1));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new LoadRunner().RunAsync([a, b], TestContext.Current.CancellationToken));

        Assert.Contains("share one warm-up", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => { _ = new LoadRunner().RunAsync([Scenario.Create("no load", Ok)], TestContext.Current.CancellationToken); });
    }

    [Fact]
    public async Task RunAsync_SequenceOfSteps_RecordsEachStepAndStopsAtTheFirstFailure()
    {
        var checkout = Scenario.Sequence("checkout",
            ("login", Ok),
            ("pay", (context, _) => ValueTask.FromResult(context.Iteration % 4 == 0 ? StepOutcome.Fail("status 402", 402) : StepOutcome.Ok(bytes: 1))),
            ("receipt", Ok));

        var result = await new LoadRunner().RunAsync(LoadProfile.ClosedIterations(2, 40), checkout, TestContext.Current.CancellationToken);

        var scenario = result.Scenario("checkout");
        Assert.Equal(["login", "pay", "receipt"], scenario.Steps.Select(s => s.Name));
        Assert.Equal(80, scenario.Steps[0].Totals.Succeeded);
        Assert.Equal(20, scenario.Steps[1].Totals.Failed);
        Assert.Equal(20, scenario.Steps[1].ErrorsByKind["status 402"]);
        Assert.Equal(60, scenario.Steps[2].Totals.Started);
        Assert.Equal(20, scenario.Totals.Failed);
        Assert.Equal(80, scenario.Steps[0].Latency.Count);
    }

    [Fact]
    public async Task RunAsync_UniqueFeed_HandsEachItemOnceThenFailsTheIteration()
    {
        var ids = DataFeed.FromSequence(Enumerable.Range(1, 50), FeedOrder.Unique);
        var seen = new System.Collections.Concurrent.ConcurrentBag<int>();
        var scenario = Scenario.Create("create", (context, _) =>
        {
            seen.Add(ids.Next(context));
            return ValueTask.FromResult(StepOutcome.Ok());
        });

        var result = await new LoadRunner().RunAsync(LoadProfile.ClosedTotal(4, 60), scenario, TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(1, 50), seen.Order());
        Assert.Equal(10, result.ErrorsByKind["FeedExhaustedException"]);
    }

    private sealed class Collect(List<RunProgress> into) : IRunObserver
    {
        public void OnProgress(RunProgress progress)
        {
            lock (into)
            {
                into.Add(progress);
            }
        }
    }
}
