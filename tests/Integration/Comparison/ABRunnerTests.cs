using Microsoft.AspNetCore.Builder;
using PerfTesting.Comparison;
using PerfTesting.Load;
using PerfTesting.Measurement;
using PerfTesting.Metrics;

namespace Tests.Integration.Comparison;

public sealed class ABRunnerTests
{
    [Fact]
    public void Order_IsBalancedAndReproducibleFromTheSeed()
    {
        var order = ABRunner.Order(seed: 42, rounds: 20);

        Assert.Equal(10, order.Count(s => s == ABSide.A));
        Assert.Equal(order, ABRunner.Order(seed: 42, rounds: 20));
        Assert.NotEqual(order, ABRunner.Order(seed: 43, rounds: 20));
    }

    [Theory]
    [InlineData(ABSchedule.Interleaved)]
    [InlineData(ABSchedule.Duet)]
    public async Task RunAsync_RunsEachSideOncePerRoundPlusPriming_AndRecordsTheSeed(ABSchedule schedule)
    {
        var runs = new List<ABSide>();
        var runner = new ABRunner(new ABOptions { Rounds = 8, Seed = 7, Schedule = schedule });

        var comparison = await runner.RunAsync("fake", (side, _) =>
        {
            lock (runs)
            {
                runs.Add(side);
            }

            // B is 20% slower in every round.
            return Task.FromResult(FakeRun(side == ABSide.A ? 10 : 12));
        }, TestContext.Current.CancellationToken);

        Assert.Equal(18, runs.Count);
        Assert.Equal(9, runs.Count(s => s == ABSide.B));
        Assert.Equal(7, comparison.Seed);
        Assert.Equal(ABRunner.Order(7, 8), comparison.Rounds.Select(r => r.First));
        Assert.All(comparison.Rounds, r => Assert.Equal(12, r.B.P50));
        Assert.Equal(Verdict.Regressed, comparison.Metric(PerfMetric.P50).Verdict);
        Assert.Equal(Verdict.Regressed, comparison.Overall);
    }

    [Fact]
    public async Task RunAsync_AgainstTwoLoopbackServers_ComparesTheSameScenarioOnBoth()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var a = await LoopbackServer.StartAsync(app => app.MapGet("/", () => "a"));
        await using var b = await LoopbackServer.StartAsync(app => app.MapGet("/", () => "b"));
        using var http = new HttpClient();
        var runner = new ABRunner(new ABOptions { Rounds = 8 });

        var comparison = await runner.RunAsync("hello", a.Url("/"), b.Url("/"),
            LoadProfile.ClosedIterations(clients: 2, iterationsPerClient: 5),
            url => Scenario.Create("get", HttpStep.Get(http, url)), ct);

        Assert.Equal(8, comparison.Rounds.Count);
        Assert.All(comparison.Rounds, r => Assert.Equal(10, r.A.Requests));
        Assert.All(comparison.Rounds, r => Assert.Equal(10, r.B.Requests));
        // Ten requests per run: p95 and p99 rest on too few requests to be judged, and say so.
        Assert.Equal(Verdict.Inconclusive, comparison.Metric(PerfMetric.P99).Verdict);
        Assert.Equal(0, comparison.Metric(PerfMetric.ErrorRate).B);
    }

    [Fact]
    public void Options_TooFewRounds_FailBeforeAnyRun()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ABRunner(new ABOptions { Rounds = 5 }));

        Assert.Contains("at least 8 rounds", error.Message, StringComparison.Ordinal);
    }

    private static RunResult FakeRun(double p50) => new(
        "fake", "fake", RunEnvironment.Here(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch),
        TimeSpan.FromSeconds(1), new RunTotals(1000, 1000, 0, 0, 0, 0),
        new LatencyStats(1000, 1, p50, 1, p50, p50, p50, p50 * 1.5, p50 * 2, p50 * 2, p50 * 3),
        [], new Dictionary<string, long>(), [], [], null, [], 0, string.Empty, false);
}
