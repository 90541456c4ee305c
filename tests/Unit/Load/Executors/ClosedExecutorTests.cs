using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using PerfTesting.Load;

namespace Tests.Unit.Load.Executors;

/// <summary>The closed-model executors on a fake clock: every figure below follows from the step's cost.</summary>
public sealed class ClosedExecutorTests
{
    private static readonly TimeSpan Cost = TimeSpan.FromMilliseconds(30);

    [Fact]
    public async Task ConstantClients_OneClient_SplitsRequestsIntoSecondsByCompletion()
    {
        var run = new FakeClockRun();

        var result = await run.StartAsync(LoadProfile.Closed(1, TimeSpan.FromSeconds(2)), Scenario.Create("s", run.Step(Cost)), TestContext.Current.CancellationToken);

        // Requests end at 30 ms, 60 ms, ...: 33 end in each whole second; the 67th ends at 2.01 s, past the end, and stops the run.
        Assert.Equal(67, result.Totals.Started);
        Assert.Equal(67, result.Totals.Succeeded);
        Assert.Equal(TimeSpan.FromMilliseconds(2010), result.Duration);
        Assert.Equal([(0, 33L), (1, 33L), (2, 1L)], result.Series.Select(s => (s.Second, s.Requests)));
        Assert.Equal(30, result.Latency.Max, 0.1);
    }

    [Fact]
    public async Task PerClientIterations_EachClientRunsExactlyThatMany()
    {
        var run = new FakeClockRun();
        var perClient = new ConcurrentDictionary<int, int>();

        var result = await run.StartAsync(
            LoadProfile.ClosedIterations(3, 7),
            Scenario.Create("s", run.Step(Cost, c => perClient.AddOrUpdate(c.ClientId, 1, (_, n) => n + 1))),
            TestContext.Current.CancellationToken);

        Assert.Equal(21, result.Totals.Succeeded);
        Assert.Equal([7, 7, 7], perClient.OrderBy(p => p.Key).Select(p => p.Value));
        Assert.False(result.Cancelled);
    }

    [Fact]
    public async Task SharedIterations_ClientsRunExactlyTheTotalBetweenThem()
    {
        var run = new FakeClockRun();

        var result = await run.StartAsync(LoadProfile.ClosedTotal(4, 50), Scenario.Create("s", run.Step(Cost)), TestContext.Current.CancellationToken);

        Assert.Equal(50, result.Totals.Started);
        Assert.Equal(50, result.Totals.Succeeded);
    }

    [Fact]
    public async Task IterationProfiles_TimeLimit_EndsTheRunFirst()
    {
        var run = new FakeClockRun();

        var result = await run.StartAsync(
            LoadProfile.ClosedIterations(1, 1_000).WithTimeLimit(TimeSpan.FromSeconds(1)), Scenario.Create("s", run.Step(Cost)), TestContext.Current.CancellationToken);

        // 34 requests of 30 ms reach 1.02 s, the first past the limit.
        Assert.Equal(34, result.Totals.Started);
    }

    [Fact]
    public async Task StagedClients_LaterClientsRunOnlyInTheirStage()
    {
        var run = new FakeClockRun();
        var measuredStarts = new ConcurrentBag<(int Client, TimeSpan Elapsed)>();
        var laterClients = new ConcurrentDictionary<int, bool>();
        var laterClientsRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var profile = LoadProfile.ClosedStages(new ClientStage(TimeSpan.FromSeconds(1), 1), new ClientStage(TimeSpan.FromSeconds(1), 3));

        // Client 0 moves the clock; in the second stage it waits until clients 1 and 2 (woken by their
        // polls as the clock moved) run too, so that every client's part does not depend on scheduling.
        var result = await run.StartAsync(profile, Scenario.Create("s", async (context, ct) =>
        {
            var elapsed = run.WindowElapsed;
            measuredStarts.Add((context.ClientId, elapsed));
            if (context.ClientId == 0)
            {
                if (elapsed >= TimeSpan.FromSeconds(1))
                {
                    await laterClientsRunning.Task.WaitAsync(ct);
                }

                await run.ElapseAsync(Cost, ct);
            }
            else
            {
                if (laterClients.TryAdd(context.ClientId, true) && laterClients.Count == 2)
                {
                    laterClientsRunning.SetResult();
                }

                await Task.Yield();
            }

            return StepOutcome.Ok();
        }), TestContext.Current.CancellationToken);

        Assert.All(measuredStarts.Where(s => s.Client > 0), s => Assert.True(s.Elapsed >= TimeSpan.FromSeconds(1), $"client {s.Client} ran at {s.Elapsed}"));
        Assert.Equal([0, 1, 2], measuredStarts.Select(s => s.Client).Distinct().Order());
        Assert.Equal(34, measuredStarts.Count(s => s.Client == 0 && s.Elapsed < TimeSpan.FromSeconds(1)));
        Assert.Equal(measuredStarts.Count, result.Totals.Started);
    }

    [Fact]
    public async Task WarmUp_RequestsBeforeTheSwitchAreNotCounted()
    {
        var run = new FakeClockRun();

        var result = await run.StartAsync(
            LoadProfile.Closed(1, TimeSpan.FromSeconds(1)).WithWarmUp(TimeSpan.FromSeconds(1)), Scenario.Create("s", run.Step(Cost)), TestContext.Current.CancellationToken);

        // Warm-up's last request runs from 0.99 s to 1.02 s and is not counted; measured ones start at
        // 0.02 s into the window, and the 33rd ends at 1.01 s, past the end.
        Assert.Equal(33, result.Totals.Started);
        Assert.Equal(TimeSpan.FromMilliseconds(1010), result.Duration);
        Assert.Equal([(0, 32L), (1, 1L)], result.Series.Select(s => (s.Second, s.Requests)));
        Assert.Equal(33, run.Progress.Seen.Single(p => p.Final).TotalRequests);
    }

    [Fact]
    public async Task TickerStarvedUntilTheEnd_EveryWholeSecondIsReportedOnce()
    {
        // Timers never fire, as on a machine too busy to run the ticker before the run ends.
        var run = new FakeClockRun(new TimersNeverFire());

        var result = await run.StartAsync(
            LoadProfile.Closed(1, TimeSpan.FromSeconds(2.3)), Scenario.Create("s", async (_, _) =>
            {
                run.Clock.Advance(TimeSpan.FromMilliseconds(100));
                await Task.Yield();
                return StepOutcome.Ok();
            }), TestContext.Current.CancellationToken);

        var seen = run.Progress.Seen;
        Assert.Equal(23, result.Totals.Started);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], seen.Where(p => !p.Final).Select(p => p.Elapsed));
        Assert.True(seen[^1].Final);
        // Harvested late, all requests land in the first harvested second; none is lost or counted twice.
        Assert.Equal([(0, 23L), (1, 0L), (2, 0L)], result.Series.Select(s => (s.Second, s.Requests)));
        Assert.Equal(23, seen.Sum(p => p.RequestsPerSecond));
    }

    [Fact]
    public async Task Cancelled_StopsWithTheIterationInFlightCountedAsCancelled()
    {
        var run = new FakeClockRun();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var iterations = 0;

        var result = await run.StartAsync(LoadProfile.Closed(1, TimeSpan.FromSeconds(10)), Scenario.Create("s", async (_, ct) =>
        {
            await run.ElapseAsync(TimeSpan.FromMilliseconds(100), ct);
            if (++iterations == 5)
            {
                await cancel.CancelAsync();
            }

            ct.ThrowIfCancellationRequested();
            return StepOutcome.Ok();
        }), cancel.Token);

        Assert.True(result.Cancelled);
        Assert.Equal(new PerfTesting.Measurement.RunTotals(5, 4, 0, 1, 0, 0), result.Totals);
        Assert.Equal(TimeSpan.FromSeconds(0.5), result.Duration);
    }

    [Fact]
    public async Task CancelledDuringWarmUp_ReportsAnEmptyWindow()
    {
        var run = new FakeClockRun();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var iterations = 0;

        var result = await run.StartAsync(LoadProfile.Closed(1, TimeSpan.FromSeconds(1)).WithWarmUp(TimeSpan.FromSeconds(5)), Scenario.Create("s", async (_, ct) =>
        {
            await run.ElapseAsync(TimeSpan.FromMilliseconds(100), ct);
            if (++iterations == 3)
            {
                await cancel.CancelAsync();
            }

            return StepOutcome.Ok();
        }), cancel.Token);

        Assert.True(result.Cancelled);
        Assert.Equal(0, result.Totals.Started);
        Assert.Equal(TimeSpan.Zero, result.Duration);
    }

    [Fact]
    public async Task ThrowingStep_IsAFailureOfItsExceptionsKind()
    {
        var run = new FakeClockRun();

        var result = await run.StartAsync(
            LoadProfile.ClosedIterations(1, 3), Scenario.Create("s", (_, _) => throw new InvalidDataException("bad")), TestContext.Current.CancellationToken);

        Assert.Equal(3, result.Totals.Failed);
        Assert.Equal(3, result.ErrorsByKind["InvalidDataException"]);
    }

    /// <summary>A fake clock whose timers never fire.</summary>
    private sealed class TimersNeverFire : FakeTimeProvider
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
}
