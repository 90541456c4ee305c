using System.Collections.Concurrent;
using PerfTesting.Distribution;
using PerfTesting.Load;

namespace Tests.Unit.Distribution;

/// <summary>Runs the engine with each agent's stripe in one process and checks the parts against the whole.</summary>
public sealed class SegmentedRunTests
{
    private static LoadRunner AgentRunner(ExecutionSegmentSequence sequence, int agent, string name = "run") =>
        new(new LoadRunnerOptions { Name = name, Stripe = sequence.StripeOf(sequence.Segments[agent]), CaptureProcess = false });

    [Theory]
    [InlineData(101, 4)]
    [InlineData(7, 3)]
    [InlineData(3, 4)]
    public async Task ClosedIterations_ClientsAndIterationsAddUp(int clients, int agents)
    {
        var sequence = ExecutionSegmentSequence.Even(agents);
        var seen = new ConcurrentDictionary<int, int>();
        var scenario = Scenario.Create("count", (context, _) =>
        {
            seen.AddOrUpdate(context.ClientId, 1, (_, n) => n + 1);
            return ValueTask.FromResult(StepOutcome.Ok());
        });

        long started = 0;
        for (var agent = 0; agent < agents; agent++)
        {
            var result = await AgentRunner(sequence, agent).RunAsync(LoadProfile.ClosedIterations(clients, 3), scenario, TestContext.Current.CancellationToken);
            started += result.Totals.Started;
        }

        // Every client of the whole test ran once, under its own global number, on exactly one agent.
        Assert.Equal(Enumerable.Range(0, clients), seen.Keys.Order());
        Assert.All(seen.Values, n => Assert.Equal(3, n));
        Assert.Equal(clients * 3L, started);
    }

    [Fact]
    public async Task ClosedTotal_IterationsAddUpOverUnevenSegments()
    {
        var sequence = ExecutionSegmentSequence.Parse("0,1/7,1/2,4/5,1");
        var scenario = Scenario.Create("n", (_, _) => ValueTask.FromResult(StepOutcome.Ok()));
        long started = 0;
        for (var agent = 0; agent < sequence.Segments.Count; agent++)
        {
            var result = await AgentRunner(sequence, agent).RunAsync(LoadProfile.ClosedTotal(10, 10_001), scenario, TestContext.Current.CancellationToken);
            started += result.Totals.Started;
        }

        Assert.Equal(10_001, started);
    }

    [Fact]
    public async Task OpenStages_StripesAreDisjointAndTheirUnionIsTheWholeSchedule()
    {
        // A ramp then a constant stage: 30 + 60 = 90 arrivals in 1.5 s, fired by three agents at once.
        var profile = LoadProfile.OpenStages(100, new RateStage(TimeSpan.FromSeconds(1), 0, 60), new RateStage(TimeSpan.FromSeconds(0.5), 120, 120));
        var expected = ArrivalSchedule.Offsets(profile.Stages).ToList();
        var sequence = ExecutionSegmentSequence.Even(3);
        var start = DateTimeOffset.UtcNow.AddSeconds(0.3);
        var runs = Enumerable.Range(0, 3).Select(agent =>
        {
            var runner = new LoadRunner(new LoadRunnerOptions
            {
                Stripe = sequence.StripeOf(sequence.Segments[agent]),
                StartAt = start,
                CaptureProcess = false,
                RawSampleCapacity = 1_000,
            });
            return runner.RunAsync(profile, Scenario.Create("s", (_, _) => ValueTask.FromResult(StepOutcome.Ok())), TestContext.Current.CancellationToken);
        }).ToList();
        var results = await Task.WhenAll(runs);

        Assert.Equal(expected.Count, results.Sum(r => r.Totals.Started + r.Totals.Dropped));
        var stripes = sequence.Segments.Select(sequence.StripeOf).ToList();
        for (var agent = 0; agent < 3; agent++)
        {
            var own = Enumerable.Range(0, expected.Count).Count(i => stripes[agent].Contains(i));
            Assert.Equal(own, results[agent].Totals.Started + results[agent].Totals.Dropped);
        }

        // The agents' windows start at the shared time, so their raw samples' intended starts interleave
        // into the single-machine schedule (within the timer's resolution).
        var union = results.SelectMany(r => r.RawSamples.Select(s => r.Environment.StartedAt.AddMilliseconds(s.OffsetMs))).Order().ToList();
        Assert.Equal(expected.Count, union.Count);
        var origin = results.Min(r => r.Environment.StartedAt);
        for (var i = 0; i < union.Count; i++)
        {
            Assert.InRange((union[i] - origin - expected[i]).TotalMilliseconds, -20, 20);
        }
    }

    [Fact]
    public async Task StartAt_InThePast_RunsAtOnceAndReportsTheLateness()
    {
        var runner = new LoadRunner(new LoadRunnerOptions { StartAt = DateTimeOffset.UtcNow.AddSeconds(-2), CaptureProcess = false });
        var result = await runner.RunAsync(
            LoadProfile.OpenConstant(100, TimeSpan.FromSeconds(3), 50), Scenario.Create("s", (_, _) => ValueTask.FromResult(StepOutcome.Ok())),
            TestContext.Current.CancellationToken);

        Assert.InRange(result.StartLateness.TotalSeconds, 2, 10);

        // The shared schedule is kept: every arrival of the 3 s still went out, the overdue ones at once.
        Assert.Equal(300, result.Totals.Started + result.Totals.Dropped);
    }

    [Fact]
    public async Task Sweep_EverySegmentRunsItsShareOfEachStep()
    {
        var sequence = ExecutionSegmentSequence.Even(2);
        var started = new long[3];
        for (var agent = 0; agent < 2; agent++)
        {
            var steps = await ConcurrencySweep.RunAsync(
                AgentRunner(sequence, agent, "sweep"), [Scenario.Create("s", (_, _) => ValueTask.FromResult(StepOutcome.Ok()))],
                TimeSpan.FromSeconds(0.2), [1, 2, 3], cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(["sweep-1-clients", "sweep-2-clients", "sweep-3-clients"], steps.Select(s => s.Result.Name));
            for (var i = 0; i < steps.Count; i++)
            {
                started[i] += steps[i].Result.Totals.Started > 0 ? 1 : 0;
            }
        }

        // One client: only one agent ran it; two and three clients: both agents ran some.
        Assert.Equal([1L, 2, 2], started);
    }

    [Fact]
    public void SharedStart_SpacesStepsByTheirLengthAndAGap()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Null(SharedStart.ForStep(null, 3, TimeSpan.FromSeconds(5)));
        Assert.Equal(start.AddSeconds(14), SharedStart.ForStep(start, 2, TimeSpan.FromSeconds(5)));
    }
}
