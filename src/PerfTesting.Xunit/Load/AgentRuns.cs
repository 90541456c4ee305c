using System.Globalization;
using System.Reflection;
using PerfTesting.Distribution;
using PerfTesting.Measurement;

namespace PerfTesting.Xunit.Load;

/// <summary>
/// A test process started as an agent (<see cref="DistributedAgent.FromEnvironment"/>: PERF_AGENT_INDEX
/// or JOB_COMPLETION_INDEX, PERF_AGENT_COUNT, PERF_TEST_ID, PERF_START_AT, PERF_RESULTS): the runs its
/// tests made, written after each run as its folder under PERF_RESULTS with every run so far, so the
/// folder is whole whichever run is the last.
/// </summary>
internal static class AgentRuns
{
    // The process is the agent: its runs belong to one folder. Guarded, as xunit may run test classes in parallel.
    private static readonly Lock Gate = new();
    private static readonly List<RunResult> Runs = [];

    /// <summary>The agent this process is, or null; a set but invalid variable fails the test with its name.</summary>
    public static DistributedAgent? Current => DistributedAgent.FromEnvironment();

    /// <summary>Adds <paramref name="result"/> to the agent's runs and writes its folder.</summary>
    public static async Task RecordAsync(DistributedAgent agent, RunResult result, Assembly? code, CancellationToken cancellationToken)
    {
        var results = agent.Results ?? throw new InvalidOperationException(
            $"This test runs as agent {agent.Index} of {agent.Count} but {DistributedAgent.ResultsVariable} says nowhere to write its part: set it to a directory or s3://bucket/prefix.");
        List<RunResult> runs;
        lock (Gate)
        {
            Runs.RemoveAll(r => r.Name == result.Name);
            Runs.Add(result);
            runs = [.. Runs];
        }

        await AgentResultPublisher.PublishAsync(AgentResult.Of(agent, runs, code), agent, results, cancellationToken).ConfigureAwait(false);
        LiveOutput.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Agent {agent.Index} of {agent.Count} (segment {agent.Segment} of test {agent.TestId}): {result.Totals.Started} started, started {result.StartLateness.TotalSeconds:0.###} s late; part written to {results.TrimEnd('/')}/{agent.DirectoryName}/. Merge the parts with `perftest merge --from {results}`."));
    }

    /// <summary>What an agent says instead of judging an SLA on its part.</summary>
    public static string NotJudged(DistributedAgent agent, string what) => string.Create(CultureInfo.InvariantCulture,
        $"Agent {agent.Index} of {agent.Count}: this run is a part (segment {agent.Segment}) of test {agent.TestId}, so its {what} is not judged here; `perftest merge --sla ...` judges it on the merged whole.");
}
