using System.Globalization;
using PerfTesting.Assertions;
using PerfTesting.Load;
using PerfTesting.Measurement;
using PerfTesting.Xunit.Assertions;

namespace Tests.Integration.Assertions;

public sealed class SlaTests
{
    [Fact]
    public async Task Evaluate_EveryKindOfLine_ReportsLimitActualAndResult()
    {
        var result = await RunAsync(failEvery: 10);
        var sla = Sla.Define()
            .LatencyPercentile(99, below: TimeSpan.FromSeconds(10))
            .ErrorRate(below: 0.05)
            .Throughput(above: 1)
            .DroppedRate(below: 0.01)
            .ForScenario("work", s => s.LatencyPercentile(50, below: TimeSpan.FromSeconds(10)))
            .Build();

        var report = SlaEvaluator.Evaluate(result, sla);

        Assert.Equal(5, report.Lines.Count);
        Assert.Equal([true, false, true, true, true], report.Lines.Select(l => l.Passed));
        Assert.Equal("10% (planned: 10)", report.Lines[1].ActualText); // the errors by kind follow the rate
        Assert.Equal("< 5%", report.Lines[1].LimitText);
        Assert.Equal("p50 latency below 10000 ms (work)", report.Lines[4].Requirement.Describe());
        Assert.False(report.Passed);
    }

    [Fact]
    public async Task Evaluate_UnknownScenario_FailsTheLineAndSaysWhy()
    {
        var report = SlaEvaluator.Evaluate(await RunAsync(), Sla.Define().ForScenario("missing", s => s.ErrorRate(0.5)).Build());

        Assert.Equal("scenario did not run", Assert.Single(report.Lines).ActualText);
    }

    [Fact]
    public async Task SlaAssert_BrokenLine_FailsTheTestWithTheWholeTable()
    {
        var result = await RunAsync(failEvery: 2);

        var failure = Assert.Throws<SlaBreachedException>(() => SlaAssert.Meets(result, s => s.ErrorRate(below: 0.01).LatencyPercentile(99.9, below: TimeSpan.FromMinutes(1))));

        Assert.Contains("1 of 2 requirements broken", failure.Message, StringComparison.Ordinal);
        Assert.Matches(@"error rate below 1%\s+\|\s+< 1% \|\s+50% \(planned: \d+\) \| FAIL", failure.Message);
        Assert.Matches(@"p99\.9 latency below 60000 ms\s+\|\s+< 60000 ms \|\s+[\d.]+ ms \| pass", failure.Message);
    }

    [Fact]
    public async Task SlaAssert_AllMet_ReturnsTheReport()
    {
        var report = SlaAssert.Meets(await RunAsync(), s => s.ErrorRate(below: 0.5));

        Assert.True(report.Passed);
    }

    [Fact]
    public async Task Table_UnderCommaDecimalCulture_StaysInvariant()
    {
        var result = await RunAsync(failEvery: 3);
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("ru-RU");
            var table = SlaEvaluator.Evaluate(result, Sla.Define().ErrorRate(0.125).Throughput(0.5).Build()).ToTable();

            Assert.Contains("< 12.5%", table, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\d,\d", table);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Define_InvalidLimits_FailAtOnce()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Sla.Define().LatencyPercentile(0, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sla.Define().LatencyPercentile(101, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sla.Define().LatencyPercentile(99, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sla.Define().ErrorRate(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sla.Define().Throughput(double.NaN));
        Assert.Throws<InvalidOperationException>(() => Sla.Define().Build());
    }

    [Fact]
    public void Define_IsImmutable_SoABaseCanBeShared()
    {
        var shared = Sla.Define().ErrorRate(0.01);

        var strict = shared.LatencyPercentile(99, TimeSpan.FromMilliseconds(100)).Build();

        Assert.Single(shared.Build().Requirements);
        Assert.Equal(2, strict.Requirements.Count);
    }

    private static Task<RunResult> RunAsync(int failEvery = 0) =>
        new LoadRunner(new() { Name = "sla" }).RunAsync(
            LoadProfile.ClosedIterations(2, 50),
            Scenario.Create("work", (context, _) => ValueTask.FromResult(
                failEvery > 0 && context.Iteration % failEvery == 0 ? StepOutcome.Fail("planned") : StepOutcome.Ok())),
            TestContext.Current.CancellationToken);
}
