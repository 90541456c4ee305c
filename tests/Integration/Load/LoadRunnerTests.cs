using System.Diagnostics.Metrics;
using PerfTesting.Load;

namespace Tests.Integration.Load;

public sealed class LoadRunnerTests
{
    private static readonly Scenario NoOp = Scenario.Create("no-op", (_, _) => ValueTask.FromResult(StepOutcome.Ok(bytes: 10)));

    [Fact]
    public async Task RunAsync_OneMillionRequests_AccountsForEveryOne()
    {
        var result = await new LoadRunner(new() { KeepSecondHistograms = false }).RunAsync(
            LoadProfile.ClosedTotal(4, 1_000_000), NoOp, TestContext.Current.CancellationToken);

        Assert.Equal(1_000_000, result.Totals.Started);
        Assert.Equal(1_000_000, result.Totals.Succeeded);
        Assert.Equal(0, result.Totals.Failed + result.Totals.Cancelled + result.Totals.Dropped);
        Assert.Equal(10_000_000, result.Totals.Bytes);
        Assert.Equal(1_000_000, result.Latency.Count);
        Assert.Equal(1_000_000, result.Series.Sum(s => s.Requests));
        Assert.Equal(10_000_000, result.Series.Sum(s => s.Bytes));
    }

    [Fact]
    public async Task RunAsync_IterationsPerClient_RunsExactlyThatMany()
    {
        var calls = new int[5];
        var scenario = Scenario.Create("count", (context, _) =>
        {
            Interlocked.Increment(ref calls[context.ClientId]);
            return ValueTask.FromResult(context.Iteration % 10 == 0 ? StepOutcome.Fail("every tenth") : StepOutcome.Ok());
        });

        var result = await new LoadRunner().RunAsync(LoadProfile.ClosedIterations(5, 200), scenario, TestContext.Current.CancellationToken);

        Assert.All(calls, c => Assert.Equal(200, c));
        Assert.Equal(1000, result.Totals.Started);
        Assert.Equal(100, result.Totals.Failed);
        Assert.Equal(900, result.Totals.Succeeded);
        Assert.Equal(100, result.ErrorsByKind["every tenth"]);
        Assert.Equal(0.1, result.ErrorRate, 1e-12);
    }

    [Fact]
    public async Task RunAsync_WeightedScenarios_SplitIterationsByWeight()
    {
        var a = Scenario.Create("a", (_, _) => ValueTask.FromResult(StepOutcome.Ok())).WithWeight(3);
        var b = Scenario.Create("b", (_, _) => ValueTask.FromResult(StepOutcome.Ok()));

        var result = await new LoadRunner().RunAsync(LoadProfile.ClosedTotal(2, 40_000), [a, b], TestContext.Current.CancellationToken);

        // 40,000 draws at p = 0.75: the standard deviation of the share is 0.002, so ±0.02 is 10 sigma.
        Assert.Equal(0.75, (double)result.Scenario("a").Totals.Started / result.Totals.Started, 0.02);
        Assert.Equal(40_000, result.Scenario("a").Totals.Started + result.Scenario("b").Totals.Started);
    }

    [Fact]
    public async Task RunAsync_ThrowingStep_IsAFailureClassifiedByType()
    {
        var scenario = Scenario.Create("throws", (_, _) => throw new InvalidDataException("bad"));

        var result = await new LoadRunner().RunAsync(LoadProfile.ClosedIterations(1, 3), scenario, TestContext.Current.CancellationToken);

        Assert.Equal(3, result.Totals.Failed);
        Assert.Equal(3, result.ErrorsByKind["InvalidDataException"]);
    }

    [Fact]
    public async Task RunAsync_WarmUp_IsExcludedFromResults()
    {
        var calls = 0;
        var scenario = Scenario.Create("slow", async (_, ct) =>
        {
            Interlocked.Increment(ref calls);
            await Task.Delay(5, ct);
            return StepOutcome.Ok();
        });

        var result = await new LoadRunner().RunAsync(
            LoadProfile.ClosedIterations(2, 10).WithWarmUp(TimeSpan.FromMilliseconds(300)), scenario, TestContext.Current.CancellationToken);

        Assert.Equal(20, result.Totals.Started);
        Assert.Equal(20, result.Latency.Count);
        Assert.Equal(20, result.DecodeHistogram().TotalCount);
        Assert.True(calls > 20, $"warm-up should have run iterations too, saw {calls} calls");
    }

    [Fact]
    public async Task RunAsync_WarmUpThenSeconds_KeepsEveryLatencyOfTheWindow()
    {
        var scenario = Scenario.Create("paced", async (_, ct) =>
        {
            await Task.Delay(1, ct);
            return StepOutcome.Ok();
        });

        var result = await new LoadRunner().RunAsync(
            LoadProfile.Closed(2, TimeSpan.FromSeconds(2.5)).WithWarmUp(TimeSpan.FromSeconds(1.2)), scenario, TestContext.Current.CancellationToken);

        Assert.True(result.Totals.Completed > 0);
        Assert.Equal(result.Totals.Completed, result.Latency.Count);
        Assert.Equal(result.Totals.Completed, result.Series.Sum(s => s.Requests));
        Assert.True(result.Latency.P99 > 0);
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsWithPartialResults()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var scenario = Scenario.Create("long", async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), ct);
            return StepOutcome.Ok();
        });
        cancel.CancelAfter(TimeSpan.FromMilliseconds(500));

        var result = await new LoadRunner().RunAsync(LoadProfile.Closed(10, TimeSpan.FromMinutes(10)), scenario, cancel.Token);

        Assert.True(result.Cancelled);
        Assert.True(result.Totals.Succeeded > 0);
        Assert.Equal(result.Totals.Started, result.Totals.Succeeded + result.Totals.Failed + result.Totals.Cancelled);
        // The profile asked for ten minutes; the measured window ends when the token fires.
        Assert.True(result.Duration < TimeSpan.FromSeconds(30), $"window {result.Duration}");
    }

    [Fact]
    public async Task RunAsync_OpenModelWithCap_DropsWhatCannotStartAndCountsIt()
    {
        var release = new TaskCompletionSource();
        var scenario = Scenario.Create("blocked", async (_, ct) =>
        {
            await release.Task.WaitAsync(ct);
            return StepOutcome.Ok();
        });
        using var timer = new Timer(_ => release.TrySetResult(), null, TimeSpan.FromMilliseconds(900), Timeout.InfiniteTimeSpan);

        var result = await new LoadRunner().RunAsync(LoadProfile.OpenConstant(100, TimeSpan.FromSeconds(0.5), maxInFlight: 5), scenario, TestContext.Current.CancellationToken);

        // The schedule is exact (50 arrivals); only 5 fit in flight while the step is blocked.
        Assert.Equal(5, result.Totals.Started);
        Assert.Equal(45, result.Totals.Dropped);
        Assert.Equal(5, result.Totals.Succeeded);
    }

    [Fact]
    public async Task RunAsync_OpenModel_StartsEveryScheduledArrival()
    {
        var result = await new LoadRunner().RunAsync(LoadProfile.OpenConstant(400, TimeSpan.FromSeconds(1.5), maxInFlight: 100), NoOp, TestContext.Current.CancellationToken);

        Assert.Equal(600, result.Totals.Started);
        Assert.Equal(0, result.Totals.Dropped);
        // The last arrival is due at 1.5 s; the window cannot be shorter, and on a loaded CI machine a
        // late timer may stretch it, hence the generous upper bound.
        Assert.InRange(result.Duration.TotalSeconds, 1.49, 5);
    }

    [Fact]
    public async Task RunAsync_ClosedStages_RunsEachStagesClients()
    {
        var active = new HashSet<int>();
        var scenario = Scenario.Create("stage", async (context, ct) =>
        {
            lock (active)
            {
                active.Add(context.ClientId);
            }

            await Task.Delay(2, ct);
            return StepOutcome.Ok();
        });

        var result = await new LoadRunner().RunAsync(
            LoadProfile.ClosedStages(new(TimeSpan.FromMilliseconds(300), 2), new(TimeSpan.FromMilliseconds(300), 6)), scenario, TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(0, 6), active.Order());
        Assert.True(result.Totals.Succeeded > 0);
    }

    [Fact]
    public async Task RunAsync_RawSampleCapture_IsBounded()
    {
        var result = await new LoadRunner(new() { RawSampleCapacity = 100 }).RunAsync(LoadProfile.ClosedTotal(2, 1_000), NoOp, TestContext.Current.CancellationToken);

        Assert.Equal(100, result.RawSamples.Count);
        Assert.Equal(900, result.RawSamplesLost);
        Assert.All(result.RawSamples, s => Assert.True(s.Success && s.Bytes == 10 && s.ClientId is 0 or 1));
    }

    [Fact]
    public async Task RunAsync_NamedMeters_AreCapturedForTheWindow()
    {
        using var meter = new Meter("Tests.Integration.Service." + Guid.NewGuid().ToString("N"));
        var duration = meter.CreateHistogram<double>("service.work.duration", "ms");
        var active = meter.CreateUpDownCounter<int>("service.active");
        var scenario = Scenario.Create("instrumented", (context, _) =>
        {
            active.Add(1);
            duration.Record(context.Iteration % 2 == 0 ? 2.0 : 4.0);
            active.Add(-1);
            return ValueTask.FromResult(StepOutcome.Ok());
        });

        var result = await new LoadRunner(new() { Meters = [meter.Name] }).RunAsync(LoadProfile.ClosedIterations(1, 100), scenario, TestContext.Current.CancellationToken);

        var histogram = result.Instrument("service.work.duration")!;
        Assert.Equal(100, histogram.Count);
        Assert.Equal(3.0, histogram.Mean, 1e-9);
        Assert.Equal(4.0, histogram.P99!.Value, 0.01);
        Assert.Equal(1, result.Instrument("service.active")!.Max);
        Assert.NotNull(result.Process);
        Assert.True(result.Process!.CpuSeconds >= 0);
    }

    [Fact]
    public async Task RunAsync_ObserverGetsProgressEachSecond()
    {
        var observer = new CollectingObserver();

        await new LoadRunner(new() { Observer = observer }).RunAsync(LoadProfile.Closed(1, TimeSpan.FromSeconds(1.2)), NoOp, TestContext.Current.CancellationToken);

        Assert.Contains(observer.Seen, p => !p.WarmingUp && p.RequestsPerSecond > 0 && p.Elapsed == TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task RunAsync_BadScenarioLists_AreRejected()
    {
        var runner = new LoadRunner();
        var profile = LoadProfile.ClosedIterations(1, 1);

        await Assert.ThrowsAsync<ArgumentException>(() => runner.RunAsync(profile, [], TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentException>(() => runner.RunAsync(profile, [NoOp, NoOp], TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LoadRunner(new() { RawSampleCapacity = -1 }));
    }

    [Fact]
    public async Task ConcurrencySweep_RunsEveryStep()
    {
        var steps = await ConcurrencySweep.RunAsync(new LoadRunner(new() { Name = "sweep" }), [NoOp], TimeSpan.FromMilliseconds(200), [1, 4], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([1, 4], steps.Select(s => s.Clients));
        Assert.Equal("sweep-4-clients", steps[1].Result.Name);
        Assert.All(steps, s => Assert.True(s.Result.Totals.Succeeded > 0));
        await Assert.ThrowsAsync<ArgumentException>(() => ConcurrencySweep.RunAsync(new LoadRunner(), [NoOp], TimeSpan.FromSeconds(1), [5, 1], cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RunAsync_TickerStarvedUntilTheEnd_StillReportsEveryWholeSecondOnce()
    {
        // The ticker's timers never fire, as on a machine too busy to run it before the run ends.
        var observer = new CollectingObserver();
        var options = new LoadRunnerOptions { Observer = observer, Time = new TimersThatNeverFire() };

        var result = await new LoadRunner(options).RunAsync(LoadProfile.Closed(1, TimeSpan.FromSeconds(2.3)), NoOp, TestContext.Current.CancellationToken);

        var measured = observer.Seen.Where(p => !p.WarmingUp).ToList();
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], measured.Where(p => !p.Final).Select(p => p.Elapsed));
        Assert.True(measured[^1].Final);
        // Harvested late, the seconds' requests land in the first harvested one; none is lost or counted twice.
        Assert.Equal(result.Totals.Completed, measured.Sum(p => p.RequestsPerSecond));
        Assert.Equal([0, 1, 2], result.Series.Select(s => s.Second));
    }

    private sealed class TimersThatNeverFire : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new NeverFires();

        private sealed class NeverFires : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    private sealed class CollectingObserver : IRunObserver
    {
        public List<RunProgress> Seen { get; } = [];

        public void OnProgress(RunProgress progress)
        {
            lock (Seen)
            {
                Seen.Add(progress);
            }
        }
    }
}
