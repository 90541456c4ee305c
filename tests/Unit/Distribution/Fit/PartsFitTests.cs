using PerfTesting.Baselines;
using PerfTesting.Distribution;
using PerfTesting.Distribution.Fit;
using PerfTesting.Load;
using PerfTesting.Measurement;

namespace Tests.Unit.Distribution.Fit;

/// <summary>
/// The merge's fit checks on two agents' parts whose windows, lateness, builds and environments are set
/// by hand from one real run (the figures do not matter here, only the parts' places in time and origin).
/// </summary>
public sealed class PartsFitTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 21, 0, 0, TimeSpan.Zero);
    private static readonly ExecutionSegmentSequence Halves = ExecutionSegmentSequence.Even(2);
    private static readonly EnvironmentFingerprint Here = new("cpu", 2, "Linux 6.1", ".NET 10.0.12", "abc");

    private static async Task<RunResult> OneRunAsync() =>
        await new LoadRunner(new LoadRunnerOptions { Name = "checkout", CaptureProcess = false }).RunAsync(
            LoadProfile.ClosedIterations(2, 5), Scenario.Create("s", (_, _) => ValueTask.FromResult(StepOutcome.Ok())), TestContext.Current.CancellationToken);

    /// <summary>Agent <paramref name="index"/> of 2, measuring from <paramref name="from"/> s to <paramref name="to"/> s after T0.</summary>
    private static AgentResult Part(RunResult run, int index, double from, double to, double lateSeconds = 0, string build = "Tests 1.0 (a)", EnvironmentFingerprint? environment = null) =>
        new AgentResult("checkout-1", index, 2, Halves.Segments[index].ToString(), Halves.ToString(), HistogramConfiguration.Current, T0,
            [run with
            {
                Environment = run.Environment with { StartedAt = T0.AddSeconds(from), EndedAt = T0.AddSeconds(to) },
                Duration = TimeSpan.FromSeconds(to - from),
                StartLateness = TimeSpan.FromSeconds(lateSeconds),
            }])
        {
            Build = build,
            Environment = environment ?? Here,
        };

    [Fact]
    public async Task Check_AgentsRunTogether_FindsNothing()
    {
        var run = await OneRunAsync();

        Assert.Empty(PartsFit.Check([Part(run, 0, 0, 10), Part(run, 1, 0.2, 10.1)]));
    }

    [Fact]
    public async Task Check_OneAgentStartedAfterTheOtherFinished_RefusesWithTheReason()
    {
        var run = await OneRunAsync();
        // As seen on 2026-12-07: two agents run one after the other (607 and 801 req/s alone) merged to 562 req/s.
        var parts = new[] { Part(run, 0, 0, 10), Part(run, 1, 12.5, 22.5) };

        var finding = Assert.Single(PartsFit.Check(parts));
        var refusal = Assert.Throws<ResultMergeException>(() => ResultMerger.Merge(parts));

        Assert.Equal(MergeFindingSeverity.Refusal, finding.Severity);
        Assert.Equal("windows", finding.Check);
        Assert.Contains("agent 1 started run 'checkout' at 21:00:12.500Z, 2.5 s after agent 0 had finished it (21:00:10.000Z)", finding.Reason, StringComparison.Ordinal);
        Assert.StartsWith("MISFIT (refused): agent 1 started run 'checkout'", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_MisfitsAllowed_MergesWithTheReasonAsTheReportsFirstLine()
    {
        var run = await OneRunAsync();

        var merged = ResultMerger.Merge([Part(run, 0, 0, 10), Part(run, 1, 12.5, 22.5)], checks: new MergeChecks { MergeMisfits = true });
        var report = merged.ToReport("checkout", time: TimeProvider.System);

        Assert.Equal(MergeFindingSeverity.Warning, Assert.Single(merged.Findings).Severity);
        Assert.StartsWith("checkout: MERGE WARNING: agent 1 started run 'checkout'", report.Title, StringComparison.Ordinal);
        Assert.StartsWith("MERGE WARNING: agent 1 started", report.Notes[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WindowsOverlapLessThanTheBound_Warns()
    {
        var run = await OneRunAsync();

        var finding = Assert.Single(PartsFit.Check([Part(run, 0, 0, 10), Part(run, 1, 5, 15)]));

        Assert.Equal(MergeFindingSeverity.Warning, finding.Severity);
        Assert.Contains("together for only 50 % of the longest agent's window (5 of 10 s; at least 90 % expected)", finding.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_StartLatenessBeyondTheBound_WarnsForThatAgentOnly()
    {
        var run = await OneRunAsync();
        var parts = new[] { Part(run, 0, 0, 10, lateSeconds: 0.4), Part(run, 1, 0, 10, lateSeconds: 2.25) };

        var finding = Assert.Single(PartsFit.Check(parts));
        var relaxed = PartsFit.Check(parts, new MergeChecks { MaxStartLateness = TimeSpan.FromSeconds(3) });

        Assert.Equal("lateness", finding.Check);
        Assert.StartsWith("agent 1 started run 'checkout' 2.25 s after the shared start (bound 1 s)", finding.Reason, StringComparison.Ordinal);
        Assert.Empty(relaxed);
    }

    [Fact]
    public async Task Check_NoSharedStartAndStartsFarApart_Warns()
    {
        var run = await OneRunAsync();
        var parts = new[] { Part(run, 0, 0, 10) with { StartAt = null }, Part(run, 1, 3, 11) with { StartAt = null } };

        var findings = PartsFit.Check(parts);

        Assert.Contains(findings, f => f.Check == "lateness" && f.Reason.Contains("no shared start (PERF_START_AT unset) and started run 'checkout' 3 s apart", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_DifferentBuilds_Refuses_DifferentEnvironments_Warn()
    {
        var run = await OneRunAsync();
        var parts = new[]
        {
            Part(run, 0, 0, 10),
            Part(run, 1, 0, 10, build: "Tests 1.0 (b)", environment: Here with { Cores = 8 }),
        };

        var findings = PartsFit.Check(parts);

        Assert.Equal(MergeFindingSeverity.Refusal, findings[0].Severity);
        Assert.Equal("the agents ran different builds (agent 0: Tests 1.0 (a); agent 1: Tests 1.0 (b)): parts of different code are not one measurement. Run every agent from the same image.", findings[0].Reason);
        Assert.Contains(findings, f => f.Severity == MergeFindingSeverity.Warning && f.Check == "environment" && f.Reason.Contains("8 vs 2 cores", StringComparison.Ordinal));
    }

    [Fact]
    public void MergeChecks_OutOfRange_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MergeChecks { MinOverlap = 1.5 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new MergeChecks { MaxStartLateness = TimeSpan.FromSeconds(-1) }.Validate());
    }
}
