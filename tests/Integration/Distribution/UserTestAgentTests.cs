using System.Globalization;
using PerfTesting.Distribution;
using PerfTesting.Distribution.Fit;
using Tests.Shared;

namespace Tests.Integration.Distribution;

/// <summary>
/// A user-style xunit perf test (tests/Agents: PerfRunner and SlaAssert, nothing distributed in its code)
/// started as agent processes with the environment a Kubernetes pod or a matrix job gets, and nothing
/// else; its parts merged as `perftest merge` merges them.
/// </summary>
public sealed class UserTestAgentTests : IDisposable
{
    // Arrivals/s and measured seconds of tests/Agents' HealthLoadTests (Rate = 200, Seconds = 3).
    private const int Requests = 200 * 3;

    // Two test processes (xunit discovery, JIT, a first connection) starting at once on two busy cores;
    // an agent later than its 4 s window (warm-up and measured) would be refused as run after the other.
    private static readonly TimeSpan StartupAllowance = TimeSpan.FromSeconds(20);

    private readonly string _root = Directory.CreateTempSubdirectory("perftest-user-agents-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static Dictionary<string, string> AgentEnvironment(int index, int count, string testId, DateTimeOffset? startAt, string results, Uri target)
    {
        var environment = new Dictionary<string, string>
        {
            ["PERF_AGENT_INDEX"] = index.ToString(CultureInfo.InvariantCulture),
            ["PERF_AGENT_COUNT"] = count.ToString(CultureInfo.InvariantCulture),
            ["PERF_TEST_ID"] = testId,
            ["PERF_RESULTS"] = results,
            ["PERF_TARGET_URL"] = target.ToString(),
        };
        if (startAt is { } start)
        {
            environment["PERF_START_AT"] = start.ToString("O", CultureInfo.InvariantCulture);
        }

        return environment;
    }

    private static async Task RunAgentAsync(Dictionary<string, string> environment)
    {
        var (exit, output) = await AgentProcesses.RunAsync(AgentProcesses.UserTestPath, [], environment, TestContext.Current.CancellationToken);
        Assert.True(exit == 0, output);
    }

    [Fact]
    public async Task UserTest_AsTwoAgentsByEnvironmentAlone_MergesToTheSingleMachineRequests()
    {
        await using var target = await StallableTarget.StartAsync(TestContext.Current.CancellationToken);
        var results = Path.Combine(_root, "together");
        var start = DateTimeOffset.UtcNow + StartupAllowance;

        await Task.WhenAll(Enumerable.Range(0, 2).Select(i => RunAgentAsync(AgentEnvironment(i, 2, "user-2", start, results, target.Url))));
        var agents = await AgentResultFiles.ReadAllAsync(results, TestContext.Current.CancellationToken);
        var merged = ResultMerger.Merge(agents);

        // The folders the docs promise, each with the same build of the test assembly.
        Assert.Equal(["agent-0000-of-0002", "agent-0001-of-0002"], Directory.GetDirectories(results).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Single(agents.Select(a => a.Build).Distinct());
        Assert.StartsWith("Tests.Agents ", agents[0].Build, StringComparison.Ordinal);
        Assert.DoesNotContain(merged.Findings, f => f.Severity == MergeFindingSeverity.Refusal);
        var run = Assert.Single(merged.Runs);
        // Exactly the arrivals one machine would have started, half from each agent's stripe.
        Assert.Equal(Requests, run.Merged.Totals.Started);
        Assert.Equal(0, run.Merged.Totals.Dropped);
        Assert.All(run.Agents, a => Assert.Equal(Requests / 2, a.Result.Totals.Started));
        // Lossless: the merged p99 and max are the order statistics of every agent's raw samples (within the histogram's 0.1%).
        var samples = run.Agents.SelectMany(a => a.Result.RawSamples).Select(s => s.LatencyMs).Order().ToList();
        Assert.Equal(Requests, samples.Count);
        AssertWithinResolution(samples[(int)((0.99 * samples.Count) + 0.5) - 1], run.Merged.Latency.P99);
        AssertWithinResolution(samples[^1], run.Merged.Latency.Max);
    }

    [Fact]
    public async Task UserTest_TwoAgentsRunOneAfterTheOther_MergeRefusesWithTheReason()
    {
        await using var target = await StallableTarget.StartAsync(TestContext.Current.CancellationToken);
        var results = Path.Combine(_root, "sequential");

        // No shared start, and the second agent only after the first has finished.
        await RunAgentAsync(AgentEnvironment(0, 2, "user-sequential", null, results, target.Url));
        await RunAgentAsync(AgentEnvironment(1, 2, "user-sequential", null, results, target.Url));
        var output = Path.Combine(_root, "merged");
        var (refused, refusal) = await AgentProcesses.RunCliAsync(["merge", "--from", results, "--out", output], new Dictionary<string, string>(), TestContext.Current.CancellationToken);
        var (forced, report) = await AgentProcesses.RunCliAsync(["merge", "--from", results, "--out", output, "--merge-misfits"], new Dictionary<string, string>(), TestContext.Current.CancellationToken);

        Assert.Equal(2, refused);
        Assert.Contains("perftest merge: MISFIT (refused): agent 1 started run 'Tests.Agents.HealthLoadTests.Health_OpenModel_MeetsItsSla'", refusal, StringComparison.Ordinal);
        Assert.Contains("the agents ran one after the other, not together", refusal, StringComparison.Ordinal);
        Assert.Equal(0, forced);
        Assert.StartsWith("MERGE WARNING: agent 1 started run", report, StringComparison.Ordinal);
        var markdown = await File.ReadAllLinesAsync(Path.Combine(output, "report.md"), TestContext.Current.CancellationToken);
        Assert.Contains("MERGE WARNING: agent 1 started run", markdown.First(l => l.Length > 0), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserTest_AsAnAgentBreakingItsSla_PassesAsAPart_TheMergeJudgesTheWhole()
    {
        await using var target = await StallableTarget.StartAsync(TestContext.Current.CancellationToken);
        var results = Path.Combine(_root, "broken");
        // Every request answers 404: the test's SLA (error rate below 1%) is broken.
        var missing = new Uri(target.Url, "/missing");

        var (exit, output) = await AgentProcesses.RunAsync(AgentProcesses.UserTestPath, [], AgentEnvironment(0, 1, "user-broken", null, results, missing), TestContext.Current.CancellationToken);
        var (merged, summary) = await AgentProcesses.RunCliAsync(
            ["merge", "--from", results, "--out", Path.Combine(_root, "broken-merged"), "--sla", "error-rate<1%"], new Dictionary<string, string>(), TestContext.Current.CancellationToken);

        // The agent's part is not judged alone (its test passes and says so); the merge fails the SLA on the whole.
        Assert.True(exit == 0, output);
        Assert.Equal(1, merged);
        Assert.Contains("error rate below 1%", summary, StringComparison.Ordinal);
        Assert.Contains("FAIL", summary, StringComparison.Ordinal);
    }

    private static void AssertWithinResolution(double exactMs, double mergedMs) =>
        Assert.InRange(mergedMs, (exactMs * 0.999) - 0.001, (exactMs * 1.001) + 0.001);
}
